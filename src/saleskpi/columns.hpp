// What every row format shares (subscription rows, deal rows, and the activity rows and
// pipeline snapshots to come): the columns of one export as a function takes them, each a
// range of one shape, so that cell i of every column is row i of the export (a column of n
// cells, a row of n, or a block read in reading order). A row format derives from Columns,
// reads its columns once in a static read() that validates every row, and its functions take
// it with the criteria pairs: `f(const Rows& rows, <own arguments>, const Criteria& criteria)`.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "criteria_pairs.hpp"
#include "grid.hpp"

namespace saleskpi {

class Columns {
public:
    // The export's rows, blank ones included: the cells of each column.
    std::size_t size() const { return rows_ * cols_; }

    // One flag per row: 1 where every criteria pair holds. Each criteria range must have the
    // columns' shape ("criteria_range 2 must have the shape of starts (3 x 1), not 2 x 1"), a
    // number in it or a criterion must be finite.
    std::vector<unsigned char> selected(const Criteria& criteria) const;

protected:
    // `first` names the columns in errors: the first column the function takes (a literal).
    template <class Cell>
    Columns(std::string_view first, const Grid<Cell>& column)
        : first_(first), rows_(column.rows()), cols_(column.cols()) {}

    // Throws "<name> must have the shape of <first> (r x c), not r x c".
    template <class Cell>
    void check_shape(std::string_view name, const Grid<Cell>& column) const {
        if (column.rows() != rows_ || column.cols() != cols_)
            fail_shape(name, column.rows(), column.cols());
    }

    std::string_view first() const { return first_; }

private:
    [[noreturn]] void fail_shape(std::string_view name, std::size_t rows, std::size_t cols) const;

    std::string_view first_;
    std::size_t rows_;
    std::size_t cols_;
};

}  // namespace saleskpi
