"""A private, throw-away headless LibreOffice with saleskpi.oxt installed.

Never touches the user's profile: the extension and the profile live in a temporary
directory, and only the soffice.bin process started here is killed, by its pid, also when
this process ends on SIGTERM (ctest's timeout). Runs under a python3 whose `uno` module is
the office's own version (LIBREOFFICE_PROGRAM_DIR names the office, the system's by default).
"""
import atexit
import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.task import XInteractionHandler
from com.sun.star.sheet.CellFlags import FORMULA
from com.sun.star.sheet.FormulaResult import ERROR

RESTART_REQUESTED = 81  # a fresh profile's first start ends with this code


def program_dir():
    return os.environ.get("LIBREOFFICE_PROGRAM_DIR", "/usr/lib/libreoffice/program")


def clean_environment():
    """The environment for the office's own programs. Built explicitly: uno.py sets
    URE_BOOTSTRAP with os.putenv, which a child would inherit (25.2's unopkg then crashes),
    and PYTHONPATH names this client's uno module, not necessarily the office's."""
    return {name: value for name, value in os.environ.items()
            if name not in ("URE_BOOTSTRAP", "PYTHONPATH", "PYTHONHOME", "LD_LIBRARY_PATH")}


# Offices still running; stopped at exit and on SIGTERM (ctest kills a test that times out).
_running = set()


def _stop_all():
    for office in list(_running):
        office.stop()


def _stop_on_sigterm():
    """A thread waits for SIGTERM, which the other threads block: a Python handler would
    never run while the main thread waits inside a call on the UNO bridge (a hung test)."""
    signal.sigwait({signal.SIGTERM})
    for office in list(_running):  # by pid: the bridge may be what hangs
        office.process.kill()
        office.process.wait()
        if not office.keep_profile:
            shutil.rmtree(office.profile, ignore_errors=True)
    os._exit(128 + signal.SIGTERM)


def _child_setup():
    """In the office's process before exec: SIGTERM unblocked, and killed by the kernel
    when this process dies, even by SIGKILL."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


atexit.register(_stop_all)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
threading.Thread(target=_stop_on_sigterm, daemon=True).start()

# No document locking (Misc/UseLocking, the switch LibreOffice reads): tests under ctest -j
# open the same example workbook in several offices at once. With locking on, each office
# writes `.~lock.<name>#` beside the document, and a second office's load (or any load after
# an office was killed) meets that lock, which a hidden load answers by aborting: the load
# returned None. Off, an office neither writes nor reads lock files.
SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking" oor:op="fuse"><value>false</value></prop></item>
{ui}</oor:items>
"""
# The UI language of the private profile (en-US unless asked): what $(vlang) in a path is.
UI_LANGUAGE = """<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{0}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>{0}</value></prop></item>
"""


def properties(**values):
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


# -- failed loads ---------------------------------------------------------------------------
_UnoException = uno.getClass("com.sun.star.uno.Exception")
ERRCODE_WARNING_MASK = 0x80000000  # tools/errcode.hxx: an ErrCode with this bit is a warning

# pyuno turns a UNO exception held in an Any (what XInteractionRequest.getRequest() returns)
# into a Python exception and then sets its `args`, which uno.py's _uno_struct__setattr__
# passes on to the UNO struct: AttributeError, and getRequest() fails ("returned a result
# with an exception set"; LibreOffice 7.4 and 25.2 under Python 3.11). Classes pyuno makes
# from here on keep `args` as the Python exception's own.
_struct_setattr = uno._uno_struct__setattr__


def _exception_setattr(self, name, value):
    if name == "args" and isinstance(self, BaseException):
        BaseException.__setattr__(self, name, value)
    else:
        _struct_setattr(self, name, value)


uno._uno_struct__setattr__ = _exception_setattr


class LoadError(Exception):
    """A document the office did not load: the path and what the office reported."""

    def __init__(self, what, reports, exit_code=None):
        self.what, self.reports = what, reports
        said = "; ".join(reports) if reports else "it returned no document and reported nothing"
        if exit_code is not None:
            said += f"; soffice.bin has exited with code {exit_code}"
        super().__init__(f"LibreOffice did not load {what}: {said}")


def _described(value):
    if isinstance(value, uno.Enum):
        return value.value
    if isinstance(value, tuple):
        return "[" + ", ".join(f"{item.Name}={_described(item.Value)}" if isinstance(item, PropertyValue)
                               else _described(item) for item in value) + "]"
    return repr(value)


class _Reports(unohelper.Base, XInteractionHandler):
    """The interaction handler of one load. What the office would ask a user (a lock, an I/O
    error, a file no filter reads) is recorded and the load aborted; warnings are approved
    and filter options keep their defaults, as LibreOffice's own handler for hidden loads
    (framework's QuietInteraction) does. Unlike that one, it never opens a document locked
    by someone else read-only: it aborts and says so."""

    def __init__(self, reflection):
        self.reflection = reflection
        self.seen = []

    def handle(self, request):
        continuations = request.getContinuations()
        try:
            reported = request.getRequest()
        except Exception as error:  # a class pyuno made before _exception_setattr
            self.seen.append(f"a request this client could not read ({error!r})")
        else:
            if reported.typeName == "com.sun.star.task.ErrorCodeRequest" and reported.ErrCode & ERRCODE_WARNING_MASK:
                answer = "com.sun.star.task.XInteractionApprove"
            elif reported.typeName == "com.sun.star.document.FilterOptionsRequest":
                answer = "com.sun.star.document.XInteractionFilterOptions"
            else:
                answer = None
            if answer and self._select(continuations, answer):
                return
            self.seen.append(self.describe(reported))
        self._select(continuations, "com.sun.star.task.XInteractionAbort")

    def describe(self, reported):
        """'com.sun.star.ucb.InteractiveAugmentedIOException(Message=..., Code=NOT_EXISTING, ...)'"""
        try:
            fields = [field.Name for field in self.reflection.forName(reported.typeName).getFields()
                      if field.Name != "Context"]
            return f"{reported.typeName}(" + ", ".join(
                f"{name}={_described(getattr(reported, name))}" for name in fields) + ")"
        except Exception as error:  # the type at least
            return f"{reported.typeName} ({error!r} while reading it)"

    @staticmethod
    def _select(continuations, interface):
        wanted = uno.getTypeByName(interface)
        for continuation in continuations:
            if continuation.queryInterface(wanted) is not None:
                continuation.select()
                return True
        return False


class Office:
    def __init__(self, oxt=None, keep_profile=False, program=None, ui_language=None):
        self.oxt = oxt if oxt is not None else os.environ.get("SALESKPI_OXT")
        self.keep_profile = keep_profile
        self.program = program or program_dir()
        self.profile = tempfile.mkdtemp(prefix="saleskpi-office-")
        os.makedirs(os.path.join(self.profile, "user"))
        with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(SETTINGS.format(ui=UI_LANGUAGE.format(ui_language) if ui_language else ""))
        self.pipe = "saleskpi_" + uuid.uuid4().hex
        self.process = None
        self.context = None
        self.desktop = None

    # -- lifecycle --------------------------------------------------------
    def env_args(self):
        url = uno.systemPathToFileUrl(self.profile)
        return [f"-env:UserInstallation={url}",
                f"-env:UNO_SHARED_PACKAGES_CACHE={url}/shared_pkgs/cache"]

    def unopkg(self, *args):
        """Runs unopkg on this private profile; returns the completed process."""
        command = [os.path.join(self.program, "unopkg"), *args, "--shared",
                   *self.env_args()]
        return subprocess.run(command, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL, env=clean_environment(),
                              preexec_fn=_child_setup)

    def install(self, oxt=None):
        # -s: the license (MPL-2.0) is accepted by whoever installs; without it unopkg asks on stdin.
        done = self.unopkg("add", "--force", "-s", oxt or self.oxt)
        if done.returncode != 0:
            raise RuntimeError(f"unopkg add failed: {done.stdout}{done.stderr}")

    def command(self):
        return [os.path.join(self.program, "soffice.bin"), *self.env_args(),
                "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                "--nolockcheck", f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"]

    def start(self):
        command = self.command()
        errors = os.path.join(self.profile, "soffice.stderr")  # what it says when it cannot start
        for _ in range(3):
            with open(errors, "wb") as stderr:
                self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, env=clean_environment(),
                                                preexec_fn=_child_setup,
                                                stdout=subprocess.DEVNULL, stderr=stderr)
            _running.add(self)
            if self._connect():
                return self
            code = self.process.poll()
            if code != RESTART_REQUESTED:
                self.kill()
                with open(errors, encoding="utf-8", errors="replace") as f:
                    said = f.read().strip()[-2000:]
                raise RuntimeError(f"soffice.bin did not accept connections (exit {code})"
                                   + (f": {said}" if said else ""))
        raise RuntimeError("soffice.bin kept asking for a restart")

    def _connect(self, seconds=60):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                self.context = resolver.resolve(url)
                self.desktop = self.context.ServiceManager.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", self.context)
                return True
            except NoConnectException:
                time.sleep(0.1)
        return False

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            try:
                self.desktop.terminate()
                self.process.wait(timeout=10)
            except Exception:  # the bridge may already be gone; the pid is what counts
                pass
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=30)
        self.context = self.desktop = None

    def stop(self):
        self.kill()
        _running.discard(self)
        if not self.keep_profile:
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        try:
            if self.oxt:
                self.install()
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()

    # -- documents --------------------------------------------------------
    def new_sheet_document(self, **options):
        return self.load_url("private:factory/scalc", "a new spreadsheet", **options)

    def load(self, path, **options):
        """The document at `path`, hidden; raises LoadError when the office does not load it."""
        return self.load_url(uno.systemPathToFileUrl(os.path.abspath(path)), path, **options)

    def load_url(self, url, what=None, **options):
        """loadComponentFromURL, hidden, with a handler that records what the office reports.
        Where the office returns None (or raises), this raises LoadError naming `what` (the
        URL by default) and those reports; it never tries again."""
        reports = _Reports(self.create("com.sun.star.reflection.CoreReflection"))
        try:
            doc = self.desktop.loadComponentFromURL(
                url, "_blank", 0, properties(Hidden=True, InteractionHandler=reports, **options))
        except _UnoException as error:
            raise LoadError(what or url, reports.seen + [f"loadComponentFromURL raised {error.typeName}: "
                                                         f"{error.Message}"], self.exit_code()) from None
        if doc is None:
            raise LoadError(what or url, reports.seen, self.exit_code())
        return doc

    def exit_code(self):
        """soffice.bin's exit code, None while it runs."""
        return self.process.poll() if self.process is not None else None

    def create(self, service):
        return self.context.ServiceManager.createInstanceWithContext(service, self.context)


# Calc's error codes as the cell shows them.
ERRORS = {502: "Err:502", 503: "#NUM!", 504: "Err:504", 519: "#VALUE!", 525: "#NAME?",
          532: "#DIV/0!", 32767: "#N/A"}


def error_text(code):
    """What a cell with this error code shows, e.g. 502 -> 'Err:502', 503 -> '#NUM!'."""
    return ERRORS.get(code, f"Err:{code}")


def named_cells(doc, name):
    """The cells of a named range, as rows of cell objects."""
    block = doc.NamedRanges.getByName(name).getReferredCells()
    address = block.getRangeAddress()
    return [[block.getCellByPosition(column, row)
             for column in range(address.EndColumn - address.StartColumn + 1)]
            for row in range(address.EndRow - address.StartRow + 1)]


def keyed_cells(doc, layout, key):
    """The cells a workbook key names (tools/workbook/layout.py: sheet and reference by key), as rows."""
    sheet, ref = layout.where[key]
    block = doc.Sheets.getByName(sheet).getCellRangeByName(ref)
    address = block.getRangeAddress()
    return [[block.getCellByPosition(column, row)
             for column in range(address.EndColumn - address.StartColumn + 1)]
            for row in range(address.EndRow - address.StartRow + 1)]


def keyed(doc, layout, key):
    """The cell (or the first cell of the range) a workbook key names."""
    return keyed_cells(doc, layout, key)[0][0]


def keyed_column(doc, layout, key):
    """The cells of a one-column range a workbook key names, top to bottom."""
    return [row[0] for row in keyed_cells(doc, layout, key)]


def _each(cell_ranges):
    enumeration = cell_ranges.getCells().createEnumeration()
    while enumeration.hasMoreElements():
        yield enumeration.nextElement()


def formula_errors(doc):
    """(number of formula cells, [(cell, what it shows)] for those showing an error)."""
    count, errors = 0, []
    for sheet in doc.Sheets:
        count += sum(1 for _ in _each(sheet.queryContentCells(FORMULA)))
        for cell in _each(sheet.queryFormulaCells(ERROR)):
            code = cell.getError()
            errors.append((cell.AbsoluteName, error_text(code)))
    return count, errors
