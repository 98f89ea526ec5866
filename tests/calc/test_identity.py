"""What the Extension Manager and File > New > Templates show of the installed extension:
icon, publisher, license, release notes, and the template's thumbnail. Read through the
deployment API of a private office, as the Extension Manager reads them."""
import io
import os
import re
import struct
import unittest
import zipfile

import uno

from calc_support import OfficeTestCase

IDENTIFIER = "org.saleskpi.extension"
TEMPLATES = ["templates/common/saleskpi/team-kpis.ots", "templates/nl/saleskpi/team-kpis-nl.ots"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data):
    """(width, height) of a PNG, from its IHDR chunk."""
    assert data.startswith(PNG_SIGNATURE), "not a PNG"
    return struct.unpack(">II", data[16:24])


class Identity(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        manager = cls.office.context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        cls.extension = next(package for package in manager.getDeployedExtensions("shared", None, None)
                             if package.getIdentifier().Value == IDENTIFIER)
        provider = cls.office.context.getValueByName(
            "/singletons/com.sun.star.deployment.PackageInformationProvider")
        cls.folder = uno.fileUrlToSystemPath(provider.getPackageLocation(IDENTIFIER))
        with open(os.path.join(cls.folder, "description.xml"), encoding="utf-8") as f:
            cls.description = f.read()

    def test_icon(self):
        icon = self.extension.getIcon(False)
        self.assertIsNotNone(icon, "no icon")
        size = icon.SizePixel
        self.assertEqual((size.Width, size.Height), (42, 42))
        with open(os.path.join(self.folder, "icon.png"), "rb") as f:
            self.assertEqual(png_size(f.read()), (42, 42))

    def test_publisher(self):
        name_and_url = self.extension.getPublisherInfo()
        self.assertEqual(name_and_url.First, "saleskpi")

    def test_license_is_the_mpl_accepted_by_whoever_installs(self):
        text = self.extension.getLicenseText()
        self.assertIn("Mozilla Public License Version 2.0", text)
        repository_license = os.path.join(os.path.dirname(__file__), "..", "..", "LICENSE")
        with open(repository_license, encoding="utf-8") as f:
            self.assertEqual(text.strip(), f.read().strip())
        # "user" would ask every user of a shared install again
        self.assertRegex(self.description, r'<simple-license accept-by="admin"')

    def test_release_notes_in_english_and_dutch(self):
        notes = re.findall(r'<release-notes>(.*?)</release-notes>', self.description, re.S)
        self.assertEqual(len(notes), 1, "no <release-notes>")
        files = dict(re.findall(r'<src lang="([^"]+)" xlink:href="([^"]+)"/>', notes[0]))
        self.assertEqual(set(files), {"en-US", "nl"})
        for path in files.values():
            with open(os.path.join(self.folder, path), encoding="utf-8") as f:
                text = f.read()
            self.assertIn(f"saleskpi {self.extension.getVersion()}", text)
            self.assertNotIn("@", text, "an unconfigured placeholder")

    def test_each_template_has_a_thumbnail_of_its_own_dashboard(self):
        thumbnails = []
        for path in TEMPLATES:
            with self.subTest(path), zipfile.ZipFile(os.path.join(self.folder, path)) as template:
                thumbnail = template.read("Thumbnails/thumbnail.png")
                self.assertIn(b'manifest:full-path="Thumbnails/thumbnail.png"', template.read("META-INF/manifest.xml"))
                width, height = png_size(thumbnail)
                self.assertEqual(max(width, height), 256)
                self.assertGreater(min(width, height), 100)
                # drawn, not blank: a one-colour picture compresses to almost nothing
                self.assertGreater(len(thumbnail), 3000)
                thumbnails.append(thumbnail)
        self.assertNotEqual(thumbnails[0], thumbnails[1], "each drawn from its own language's dashboard")


if __name__ == "__main__":
    unittest.main(verbosity=2)
