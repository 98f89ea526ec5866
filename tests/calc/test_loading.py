"""A load that fails says why, and what made parallel Calc tests fail stays fixed (issue 16).

Office.load raises LoadError with the path and what the office reported (its interaction
request: an I/O error and its code, a file no filter reads, a lock) instead of returning
None. The test offices run without document locking (Misc/UseLocking): with it, every
office wrote `.~lock.<name>#` beside what it loaded, so under `ctest -j2` the second office
to load an example workbook met the first one's lock (an OwnLockOnDocumentRequest: same user,
another profile), which a hidden load aborts, and got None; a lock file an office leaves
when it is killed did the same to every later load of that document.
"""
import getpass
import os
import shutil
import socket
import tempfile
import unittest

import uno

from calc_support import OfficeTestCase
from office.driver import LoadError, Office, properties


class Loading(OfficeTestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="saleskpi-loading-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        self.book = os.path.join(self.folder, "book.ods")
        doc = self.office.new_sheet_document()
        try:
            doc.Sheets.getByIndex(0).getCellRangeByName("A1").setValue(42)
            doc.storeToURL(uno.systemPathToFileUrl(self.book), properties(FilterName="calc8"))
        finally:
            doc.close(True)

    def failed_load(self, path):
        with self.assertRaises(LoadError) as raised:
            self.office.load(path)
        message = str(raised.exception)
        self.assertTrue(message.startswith(f"LibreOffice did not load {path}: "), message)
        return message

    def assertLoadsTheBook(self, office):
        doc = office.load(self.book)
        try:
            self.assertEqual(doc.Sheets.getByIndex(0).getCellRangeByName("A1").getValue(), 42)
            self.assertFalse(doc.isReadonly())
        finally:
            doc.close(True)

    def lock_files(self):
        return [name for name in os.listdir(self.folder) if name.startswith(".~lock.")]

    def test_a_missing_file_names_the_io_error(self):
        message = self.failed_load(os.path.join(self.folder, "missing.ods"))
        self.assertIn("com.sun.star.ucb.InteractiveAugmentedIOException(", message)
        self.assertIn("Code=NOT_EXISTING", message)

    def test_a_file_no_filter_reads_names_the_request(self):
        noise = os.path.join(self.folder, "noise.ods")
        with open(noise, "wb") as f:
            f.write(bytes(range(256)) * 4)
        message = self.failed_load(noise)
        self.assertIn("com.sun.star.document.NoSuchFilterRequest(", message)

    def test_a_stale_lock_file_beside_a_document_does_not_stop_its_load(self):
        # What an office killed with the document open leaves: this user and machine, its profile.
        with open(os.path.join(self.folder, ".~lock.book.ods#"), "w") as f:
            f.write(f",{getpass.getuser()},{socket.gethostname()},08.12.2026 00:28,"
                    "file:///tmp/saleskpi-office-killed;")
        self.assertLoadsTheBook(self.office)

    def test_two_offices_load_one_document_at_once_and_write_no_lock_file(self):
        with Office(oxt="") as other:
            doc = self.office.load(self.book)
            try:
                self.assertEqual(self.lock_files(), [])
                self.assertLoadsTheBook(other)
            finally:
                doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
