"""The Debian package for administrators (cpack -G DEB): what it declares, and that the
extension it installs works as a *bundled* extension. Nothing is installed on this system:
the package is unpacked into a copy of the private LibreOffice 25.2 tree
(scripts/fetch-office.sh), exactly where dpkg would put it under /usr, and that office is
started with a fresh profile and no unopkg at all.

Environment: SALESKPI_DEB (the .deb), SALESKPI_OFFICE_ROOT (the unpacked 25.2 tree),
SALESKPI_SCRATCH (a folder on the same disk for the copy), plus what tools/office/driver.py needs."""
import os
import shutil
import subprocess
import tempfile
import unittest

from office.driver import Office

DEB = os.environ["SALESKPI_DEB"]
BUNDLED = "usr/lib/libreoffice/share/extensions/saleskpi"
IDENTIFIER = "org.saleskpi.extension"


def dpkg_deb(*args):
    return subprocess.run(["dpkg-deb", *args], check=True, capture_output=True, text=True).stdout


class Package(unittest.TestCase):
    def test_name_version_architecture(self):
        self.assertEqual(os.path.basename(DEB), "saleskpi_%s_amd64.deb" % dpkg_deb("-f", DEB, "Version").strip())
        self.assertEqual(dpkg_deb("-f", DEB, "Package").strip(), "saleskpi")
        self.assertEqual(dpkg_deb("-f", DEB, "Architecture").strip(), "amd64")

    def test_dependencies_from_the_library(self):
        """dpkg-shlibdeps' findings (the README's minimums) and the office itself."""
        depends = [d.strip() for d in dpkg_deb("-f", DEB, "Depends").split(",")]
        for expected in ["libc6 (>= 2.29)", "libstdc++6 (>= 11)"]:
            self.assertIn(expected, depends)
        for library in ["libuno-sal3", "libuno-cppu3", "libuno-cppuhelpergcc3-3"]:
            self.assertTrue(any(d.startswith(library + " ") or d == library for d in depends), library)
        self.assertIn("libreoffice-calc (>= 4:7.4) | libreoffice-calc-nogui (>= 4:7.4)", depends)

    def test_no_maintainer_scripts(self):
        """Bundled extensions need no unopkg: libreoffice-common's trigger re-syncs them."""
        with tempfile.TemporaryDirectory() as control:
            dpkg_deb("-e", DEB, control)
            self.assertEqual(sorted(os.listdir(control)), ["control", "md5sums"])

    def test_only_the_unpacked_extension(self):
        files = [line.split()[-1] for line in dpkg_deb("-c", DEB).splitlines()
                 if not line.startswith("d")]
        self.assertTrue(files)
        for path in files:
            self.assertTrue(path.startswith("./" + BUNDLED + "/"), path)
        for required in ["META-INF/manifest.xml", "description.xml", "saleskpi.components",
                         "saleskpi.uno.so", "saleskpi.rdb", "CalcAddIns.xcu"]:
            self.assertIn(f"./{BUNDLED}/{required}", files)


class Bundled(unittest.TestCase):
    """The package unpacked into (a copy of) LibreOffice 25.2's tree: =LTV(400;1;3) computes."""

    @classmethod
    def setUpClass(cls):
        scratch = tempfile.mkdtemp(prefix="deb-office-", dir=os.environ["SALESKPI_SCRATCH"])
        cls.addClassCleanup(shutil.rmtree, scratch, True)
        root = os.path.join(scratch, "root")
        # A copy, not the shared tree: the calc252 tests run beside this one.
        subprocess.run(["cp", "-a", os.environ["SALESKPI_OFFICE_ROOT"], root], check=True)
        unpacked = os.path.join(scratch, "deb")
        dpkg_deb("-x", DEB, unpacked)
        shutil.move(os.path.join(unpacked, BUNDLED), os.path.join(root, BUNDLED))
        cls.office = Office(oxt="", program=os.path.join(root, "usr/lib/libreoffice/program"))
        cls.office.__enter__()  # no oxt: nothing is added with unopkg
        cls.addClassCleanup(cls.office.stop)

    def test_listed_as_bundled(self):
        manager = self.office.context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        bundled = [p.getIdentifier().Value for p in manager.getDeployedExtensions("bundled", None, None)]
        shared = [p.getIdentifier().Value for p in manager.getDeployedExtensions("shared", None, None)]
        self.assertIn(IDENTIFIER, bundled)
        self.assertNotIn(IDENTIFIER, shared)

    def test_ltv_computes(self):
        doc = self.office.new_sheet_document()
        try:
            cell = doc.Sheets.getByIndex(0).getCellRangeByName("A1")
            cell.setFormula("=LTV(400;1;3)")
            doc.calculateAll()
            self.assertEqual(cell.getError(), 0)
            self.assertEqual(cell.getValue(), 1200)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
