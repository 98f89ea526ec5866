"""The core's criteria with LibreOffice's own services (addin/criteria_services) select exactly
the cells COUNTIFS selects, in each document setting: criteria_check.cxx, a UNO client of this
office, compares every criterion of its list with COUNTIFS cell by cell and prints mismatches."""
import os
import subprocess
import unittest

from calc_support import OfficeTestCase
from office.driver import clean_environment


class CriteriaServices(OfficeTestCase):
    def test_the_core_selects_what_countifs_selects(self):
        program = self.office.program
        environment = clean_environment()
        # The client runs on this office's own UNO runtime, as python3-uno must.
        environment["URE_BOOTSTRAP"] = "vnd.sun.star.pathname:" + os.path.join(program, "fundamentalrc")
        environment["LD_LIBRARY_PATH"] = program
        url = f"uno:pipe,name={self.office.pipe};urp;StarOffice.ComponentContext"
        done = subprocess.run([os.environ["SALESKPI_CRITERIA_CHECK"], url], capture_output=True,
                              text=True, timeout=500, env=environment, stdin=subprocess.DEVNULL)
        print(done.stdout, done.stderr)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
