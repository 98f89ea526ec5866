"""One Calc document of a benchmark (bridge_bench.py, criteria_bench.py): automatic
calculation and undo off, calculateAll() timed, results read back with their errors."""
import statistics
import time

from office.driver import ERRORS

CLEAR_ALL = 1 | 2 | 4 | 16  # values, dates, strings, formulas


class Sheet:
    def __init__(self, office, rows, runs):
        self.office, self.rows, self.runs = office, rows, runs
        self.doc = office.new_sheet_document()
        self.sheet = self.doc.Sheets.getByIndex(0)
        self.doc.enableAutomaticCalculation(False)
        self.doc.UndoManager.lock()

    def block(self, left, top, right, bottom):
        return self.sheet.getCellRangeByPosition(left, top, right, bottom)

    def time_recalc(self, runs=None):
        """Median of `runs` calculateAll() after an untimed one; runs=0: the first one alone."""
        runs = self.runs if runs is None else runs
        if runs == 0:
            started = time.perf_counter()
            self.doc.calculateAll()
            return time.perf_counter() - started
        self.doc.calculateAll()  # the first after new formulas also sets them up: not timed
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            self.doc.calculateAll()
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    def values(self, block):
        data = block.getDataArray()
        for r, row in enumerate(data):
            for c, value in enumerate(row):
                error = block.getCellByPosition(c, r).getError()
                if error:
                    raise RuntimeError(f"{block.AbsoluteName} cell {r},{c} shows {ERRORS.get(error, error)}")
        return [list(row) for row in data]


def same(a, b, label):
    for i, (x, y) in enumerate(zip(a, b)):
        for j, (u, v) in enumerate(zip(x, y)):
            if abs(u - v) > 1e-6 * max(1.0, abs(v)):
                raise RuntimeError(f"{label}: month {i} column {j}: {u} != {v}")
