"""The office a test runs on is the one its CTest label names (calc74: 7.4, calc252: 25.2),
and the same .oxt, built against the 7.4 SDK, computes in it."""
import unittest

from calc_support import OFFICE_VERSION, CalcTestCase, running_version


class OfficeUnderTest(CalcTestCase):
    def test_the_labelled_version_runs(self):
        self.assertEqual(running_version(self.office), OFFICE_VERSION)

    def test_the_extension_computes(self):
        self.assertShows("=LTV(400;1;3)", 1200)


if __name__ == "__main__":
    unittest.main(verbosity=2)
