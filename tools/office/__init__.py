"""Driving a real LibreOffice: a private office for tests, scripts and the build, and the GUI shots.

driver.py       a private, throw-away LibreOffice with saleskpi.oxt installed, and cell helpers
thumbnail.py    the template's thumbnail drawn from its dashboard (run by the build)
screenshots.py  the README's screenshots of the real window (run by hand)
"""
