#!/usr/bin/env python3
"""Screenshots of the real LibreOffice window with saleskpi, for the README.

    PYTHONPATH=tools /usr/bin/python3 -m office.screenshots OXT OUT_DIR [SHOT ...]   all shots, or those named
    PYTHONPATH=tools /usr/bin/python3 -m office.screenshots --list                   the shots' names

Installs what it needs when it is missing (Xvfb, xdotool, ImageMagick, the GUI LibreOffice
Calc with its GTK3 look, the Dutch language pack, Liberation fonts: apt-get, with sudo when
not root). Then starts one Xvfb of 1,600 x 1,000 pixels on a free display and, for every
shot, a fresh LibreOffice window (not headless) in a throw-away profile with the .oxt
installed and the shot's UI language. It drives the window through UNO (dispatching .uno:
commands) and xdotool (typing, clicking), waits for the window the shot is about, grabs
the screen with ImageMagick, crops it to that window and writes a palette PNG. A shot that
fails is tried once more in a new office. Never touches a real profile: everything lives
in temporary folders, and only the processes started here are stopped, by their pid.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import uno  # the system python3's (/usr/bin/python3), from python3-uno

from catalogue.languages import LANGUAGES
from catalogue.model import load_source
from office.driver import Office, _child_setup, properties
from workbook import generate

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")  # the source tree
EXAMPLES = {code: os.path.join(ROOT, "examples", name) for code, name in generate.EXAMPLES.items()}
# The templates as the build puts them in the .oxt (they open as new, empty workbooks).
TEMPLATES = {"en": os.path.join(ROOT, "build", "oxt", "templates", "common", "saleskpi", "team-kpis.ots"),
             "nl": os.path.join(ROOT, "build", "oxt", "templates", "nl", "saleskpi", "team-kpis-nl.ots")}
SCREEN = (1600, 1000)  # issue 11: no tooltip may be cut on a 1,600-pixel screen
SHOT_SECONDS = 60      # the longest one step of a shot may take
COLOURS = 64           # palette size of the PNGs: small files, text still crisp

# What the script needs, and the Debian package that brings it.
NEEDS = [
    (lambda: shutil.which("Xvfb"), "xvfb"),
    (lambda: shutil.which("xdotool"), "xdotool"),
    (lambda: shutil.which("import"), "imagemagick"),
    (lambda: os.path.exists("/usr/lib/libreoffice/program/libvclplug_gtk3lo.so"),
     "libreoffice-calc libreoffice-gtk3"),
    (lambda: os.path.isdir("/usr/lib/libreoffice/program/resource/nl"), "libreoffice-l10n-nl"),
    (lambda: os.path.isdir("/usr/share/fonts/truetype/liberation2"), "fonts-liberation2"),
]


def install_needs():
    """apt-get installs what is missing (libreoffice-calc replaces the -nogui variant)."""
    missing = " ".join(package for present, package in NEEDS if not present()).split()
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print("installing " + " ".join(missing), flush=True)
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*sudo, "apt-get", "update", "-q"], check=True, env=environment)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends",
                    "-o", "DPkg::Lock::Timeout=300", *missing], check=True, env=environment)


# The throw-away profile's settings, written before its first start: UI and locale in the
# shot's language, no tip of the day, no first-start wizard, no lock files.
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{language}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>{language}</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseDocumentLocking" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.0</value></prop></item>
</oor:items>
"""

class ShotFailed(Exception):
    pass


def wait_until(condition, message, seconds=SHOT_SECONDS):
    """The first true value of `condition()`, polled; ShotFailed(message) after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise ShotFailed(message)


class Screen:
    """An X server of our own on the first free display number (Xvfb -displayfd picks it)."""

    def __enter__(self):
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, preexec_fn=_child_setup)  # dies with this script
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.__exit__()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def run(self, *command):
        return subprocess.run(command, capture_output=True, text=True, timeout=60,
                              env=dict(os.environ, DISPLAY=self.display)).stdout

    def xdotool(self, *args):
        return self.run("xdotool", *map(str, args))

    def geometry(self, window):
        """(x, y, width, height) of an X window on the screen."""
        values = {}
        for line in self.run("xwininfo", "-id", str(window)).splitlines():
            name, _, value = line.strip().partition(":")
            values[name] = value.strip()
        return (int(values["Absolute upper-left X"]), int(values["Absolute upper-left Y"]),
                int(values["Width"]), int(values["Height"]))

    def capture(self, box, path):
        """The screen cropped to `box` (x, y, width, height), as a palette PNG."""
        x, y, width, height = box
        x, y = max(x, 0), max(y, 0)
        width, height = min(width, SCREEN[0] - x), min(height, SCREEN[1] - y)
        raw = path + ".full.png"
        subprocess.run(["import", "-display", self.display, "-window", "root", raw],
                       check=True, timeout=60)
        subprocess.run(["convert", raw, "-crop", f"{width}x{height}+{x}+{y}", "+repage",
                        "-strip", "+dither", "-colors", str(COLOURS),
                        "-define", "png:compression-level=9", f"PNG8:{path}"],
                       check=True, timeout=60)
        os.remove(raw)


class WindowOffice(Office):
    """A private office with a real window on `screen`, in `language` (a code of LANGUAGES),
    started on `document` (a path) or on an empty spreadsheet."""

    def __init__(self, oxt, screen, language, document=None):
        super().__init__(oxt)
        self.screen, self.language, self.document = screen, language, document
        with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w",
                  encoding="utf-8") as f:
            f.write(PROFILE_SETTINGS.format(language=LANGUAGES[language].ui, locale=LANGUAGES[language].locale))

    def command(self):
        # The window is opened by the command line: a Calc frame that a UNO client asks for
        # with loadComponentFromURL never appears under the GTK3 look without a window manager.
        return [os.path.join(self.program, "soffice.bin"), *self.env_args(),
                "--norestore", "--nologo", "--nolockcheck",
                f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
                self.document or "--calc"]

    def start(self):
        os.environ["DISPLAY"] = self.screen.display
        os.environ["SAL_USE_VCLPLUGIN"] = "gtk3"
        os.environ["NO_AT_BRIDGE"] = "1"  # no accessibility bus under Xvfb
        super().start()
        self.doc = wait_until(self.spreadsheet, "no Calc window appeared")
        self.frame = self.doc.CurrentController.Frame
        self.window = wait_until(self.main_window, "the Calc window is not on the screen")
        self.screen.xdotool("windowmove", self.window, 0, 0)
        self.screen.xdotool("windowsize", self.window, *SCREEN)
        wait_until(lambda: self.screen.geometry(self.window)[2:] == SCREEN,
                   "the Calc window did not take the whole screen")
        time.sleep(1)
        return self

    def spreadsheet(self):
        doc = self.desktop.getCurrentComponent()
        return doc if doc is not None and doc.supportsService(
            "com.sun.star.sheet.SpreadsheetDocument") else None

    def windows(self):
        """This office's visible X windows."""
        return set(self.screen.xdotool("search", "--onlyvisible", "--pid",
                                       self.process.pid).split())

    def main_window(self):
        large = [w for w in self.windows() if self.screen.geometry(w)[2] > 600]
        return large[0] if len(large) == 1 else None

    def new_window(self, known, minimum=100):
        """Waits for a visible window of this office that is not in `known`."""
        def found():
            for window in self.windows() - known:
                box = self.screen.geometry(window)
                if box[2] > minimum and box[3] > minimum:
                    return window
            return None
        return wait_until(found, "the window did not appear")

    def kill(self):
        # A modal dialog may be open: stop the process by its pid, the profile is thrown away.
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        self.context = self.desktop = None

    def dispatch(self, command, **arguments):
        """Sends a .uno: command without waiting for it: a modal dialog it opens would
        block the call until the dialog closes."""
        helper = self.create("com.sun.star.frame.DispatchHelper")
        thread = threading.Thread(target=swallow, daemon=True, args=(
            helper.executeDispatch, self.frame, command, "", 0, properties(**arguments)))
        thread.start()

    def select(self, sheet, cell):
        controller = self.doc.CurrentController
        sheet = self.doc.Sheets.getByName(sheet) if isinstance(sheet, str) else \
            self.doc.Sheets.getByIndex(sheet)
        controller.setActiveSheet(sheet)
        controller.select(sheet.getCellRangeByName(cell))
        return sheet.getCellRangeByName(cell)

    def click(self, x, y, button=1):
        self.screen.xdotool("mousemove", x, y)
        time.sleep(0.2)
        self.screen.xdotool("click", button)

    def type(self, text):
        self.screen.xdotool("windowfocus", "--sync", self.window)
        self.screen.xdotool("type", "--delay", 120, text)


def swallow(function, *args):
    try:
        function(*args)
    except Exception:  # the office is stopped with the dialog still open
        pass


# -- the shots: each takes the office and returns the box (x, y, width, height) to keep ------
def function_wizard(formula, inputs=()):
    """The wizard on `formula` in B2; `inputs` go into D2, E2, ... first. A range reads
    better than an inline array: a Dutch UI shows {0.1;0.2} as {0,1.0,2}."""
    def shot(office):
        sheet = office.doc.Sheets.getByIndex(0)
        for column, value in enumerate(inputs, start=3):
            sheet.getCellByPosition(column, 1).setValue(value)
        office.select(0, "B2").setFormula(formula)
        known = office.windows()
        office.dispatch(".uno:FunctionDialog")
        window = office.new_window(known)
        time.sleep(2)
        x, y, width, height = office.screen.geometry(window)
        office.click(x + 55, y + 25)  # the Functions tab: the category and the list
        time.sleep(1)
        return office.screen.geometry(window)
    return shot


def tooltip(text, cell="B3"):
    """Types `text` into `cell` (in row 3) and keeps the band of the window with the cell and
    its autocomplete tooltip, across the whole screen width: a cut tooltip shows as cut."""
    def shot(office):
        office.select(0, cell)
        office.type(text)
        time.sleep(2)
        x, y, width, _ = office.screen.geometry(office.window)
        return (x, y + 143, width, 200)
    return shot


def templates(office):
    """File > New > Templates, searched for "KPI": the templates of this UI language, with
    the category list open."""
    known = office.windows()
    office.dispatch(".uno:NewDoc")
    window = office.new_window(known)
    office.screen.xdotool("windowsize", window, 829, 420)  # less empty room below the templates
    time.sleep(3)
    office.screen.xdotool("type", "--delay", 120, "KPI")  # the search field has the focus
    time.sleep(2)
    x, y, width, height = office.screen.geometry(window)
    office.click(x + 120, y + 100)  # the first template: selected, Open lights up
    time.sleep(1)
    office.click(x + 548, y + 24)  # the category list, open: our categories' names
    time.sleep(1)
    return office.screen.geometry(window)


def dashboard(office):
    office.select("Dashboard", "N8")  # an empty cell in a narrow column: no formula, no band
    office.doc.CurrentController.ZoomValue = 100
    time.sleep(3)
    return office.screen.geometry(office.window)


def sheet(index, cell="A1"):
    """The sheet at `index` (names differ per language) at 100 %, from its top left."""
    def shot(office):
        office.select(index, cell)
        office.doc.CurrentController.ZoomValue = 100
        time.sleep(3)
        return office.screen.geometry(office.window)
    return shot


def typed_percent(language, text):
    """Types `text` into the example's gross margin (a percent input), as a user would, and
    keeps the Economics sheet's payback block: what the cell shows, the warning beside it
    when it holds no number, and the CAC payback that reads it."""
    def shot(office):
        layout = generate.build(load_source(), generate.example_data(language), language=language).layout
        sheet, ref = layout.where["econ.margin.value"]
        office.select(sheet, ref)
        office.doc.CurrentController.ZoomValue = 100
        time.sleep(1)
        office.type(text)
        office.screen.xdotool("key", "Return")
        time.sleep(2)
        x, y, width, _ = office.screen.geometry(office.window)
        return (x, y + 470, 1020, 200)
    return shot


def extension_manager(office):
    known = office.windows()
    # Tools > Extension Manager: a dispatched .uno:PackageManager opens nothing in 7.4, the
    # dialog's service does; startExecuteModal returns when it closes, so it runs aside.
    dialog = office.context.ServiceManager.createInstanceWithArgumentsAndContext(
        "com.sun.star.deployment.ui.PackageManagerDialog",
        (office.frame.ContainerWindow, ""), office.context)
    threading.Thread(target=swallow, args=(dialog.startExecuteModal, None), daemon=True).start()
    window = office.new_window(known)
    office.screen.xdotool("windowsize", window, 760, 560)  # room for the whole description
    time.sleep(2)
    x, y, width, height = office.screen.geometry(window)
    office.click(x + width // 2, y + 125)  # the first entry: selected, it shows everything
    time.sleep(2)
    return office.screen.geometry(window)


def extension_license(office):
    """Right-click on the entry, Show License."""
    x, y, width, height = extension_manager(office)
    office.click(x + width // 2, y + 125, button=3)
    time.sleep(1)
    known = office.windows()
    office.screen.xdotool("key", "Up", "Return")  # the menu's last item
    window = office.new_window(known)
    time.sleep(2)
    return office.screen.geometry(window)


SHOTS = {
    "function-wizard-ltv-en": ("en", None, function_wizard("=LTV(400;1;3)")),
    "function-wizard-ltv-nl": ("nl", None, function_wizard("=LTV(400;1;3)")),
    "function-wizard-funnel-needed-en": ("en", None, function_wizard("=FUNNEL_NEEDED(1000;D2:F2)", (0.1, 0.2, 0.5))),
    "function-wizard-funnel-needed-nl": ("nl", None, function_wizard("=FUNNEL_NEEDED(1000;D2:F2)", (0.1, 0.2, 0.5))),
    "tooltip-funn-en": ("en", None, tooltip("=FUNN")),
    "tooltip-funn-nl": ("nl", None, tooltip("=FUNN")),
    "tooltip-ltv-en": ("en", None, tooltip("=LTV(")),
    "tooltip-ltv-nl": ("nl", None, tooltip("=LTV(")),
    # The longest tooltip of all (catalogue text): FUNNEL_NEEDED's second argument.
    "tooltip-funnel-needed-rates-en": ("en", None, tooltip("=FUNNEL_NEEDED(1,")),
    "tooltip-funnel-needed-rates-nl": ("nl", None, tooltip("=FUNNEL_NEEDED(1;")),
    "templates": ("en", None, templates),
    "templates-nl": ("nl", None, templates),
    "dashboard": ("en", EXAMPLES["en"], dashboard),
    "dashboard-nl": ("nl", EXAMPLES["nl"], dashboard),
    "percent-typed-en": ("en", EXAMPLES["en"], typed_percent("en", "70%")),
    "percent-not-a-number-nl": ("nl", EXAMPLES["nl"], typed_percent("nl", "zeventig")),
    "extension-manager": ("en", None, extension_manager),
    "extension-manager-nl": ("nl", None, extension_manager),
    "extension-license": ("en", None, extension_license),
}

# Taken only when named: every sheet of the examples and the empty templates' dashboards, to
# look at after a change of the workbook (tests/calc/test_looks.py measures; these show).
REVIEW = {
    **{f"sheet{index}-{language}": (language, EXAMPLES[language], sheet(index))
       for index in range(1, 7) for language in LANGUAGES},
    **{f"template-{language}": (language, TEMPLATES[language], dashboard) for language in LANGUAGES},
    **{f"charts-{language}": (language, EXAMPLES[language], sheet(0, "N52")) for language in LANGUAGES},
}


def take(name, oxt, screen, out_dir):
    language, document, shot = {**SHOTS, **REVIEW}[name]
    path = os.path.join(out_dir, f"{name}.png")
    for attempt in (1, 2):
        started = time.monotonic()
        scratch = tempfile.mkdtemp(prefix="saleskpi-shot-")
        copy = None
        if document:  # a copy: the office never writes next to the repository's file
            copy = os.path.join(scratch, os.path.basename(document))
            shutil.copy(document, copy)
        office = WindowOffice(oxt, screen, language, copy)
        try:
            office.__enter__()
            box = shot(office)
            screen.capture(box, path)
            print(f"{path}: {os.path.getsize(path) // 1024} KB in "
                  f"{time.monotonic() - started:.0f} s", flush=True)
            return True
        except Exception as error:  # ShotFailed, a lost bridge, a failed start
            print(f"{name}: attempt {attempt} failed: {error}", file=sys.stderr, flush=True)
        finally:
            office.stop()
            shutil.rmtree(scratch, ignore_errors=True)
    return False


def main(argv):
    if argv[1:] == ["--list"]:  # what the shots are; also how the tests check this script loads
        print("\n".join(SHOTS))
        print("taken only when named:", " ".join(REVIEW))
        return
    if len(argv) < 3:
        sys.exit(__doc__ + "\nShots: " + " ".join(SHOTS))
    oxt, out_dir, names = os.path.abspath(argv[1]), argv[2], argv[3:] or list(SHOTS)
    unknown = [name for name in names if name not in SHOTS and name not in REVIEW]
    if unknown:
        sys.exit(f"unknown shots: {' '.join(unknown)}; known: {' '.join(SHOTS)}")
    install_needs()
    os.makedirs(out_dir, exist_ok=True)
    with Screen() as screen:
        failed = [name for name in names if not take(name, oxt, screen, out_dir)]
    if failed:
        sys.exit(f"failed: {' '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv)
