// A block of spreadsheet cells as the core sees it: rows x cols cells in reading order.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

namespace saleskpi {

// The invariant every caller relies on: size() == rows() * cols(). A 0 x 0 grid is empty.
template <class Cell>
class Grid {
public:
    Grid() = default;
    Grid(std::size_t rows, std::size_t cols, std::vector<Cell> cells)
        : rows_(rows), cols_(cols), cells_(std::move(cells)) {
        if (cols_ != 0 && rows_ > cells_.max_size() / cols_)
            throw std::length_error("grid: rows x cols overflows");
        if (cells_.size() != rows_ * cols_)
            throw std::length_error("grid: the cells do not fill rows x cols");
    }

    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    std::size_t size() const { return cells_.size(); }
    bool empty() const { return cells_.empty(); }
    const std::vector<Cell>& cells() const { return cells_; }
    const Cell& operator[](std::size_t i) const { return cells_[i]; }
    auto begin() const { return cells_.begin(); }
    auto end() const { return cells_.end(); }

    bool is_line() const { return rows_ <= 1 || cols_ <= 1; }
    bool is_single() const { return rows_ == 1 && cols_ == 1; }
    // One row of several cells: results derived from it are laid out as a row too.
    bool is_row() const { return rows_ == 1 && cols_ > 1; }
    template <class Other>
    bool same_shape(const Grid<Other>& other) const {
        return rows_ == other.rows() && cols_ == other.cols();
    }

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    std::vector<Cell> cells_;
};

}  // namespace saleskpi
