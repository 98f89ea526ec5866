// Wide: the number type of the core's intermediate sums, products and quotients (private to
// the core). Portable C++ on doubles only: no `long double`, whose range and precision differ
// by platform (80 bits on x86-64 Linux, 128 on aarch64 Linux, 64 with MSVC and on Apple
// silicon).
//
// A Wide is (hi + lo) × 2^exponent:
//   - hi + lo is a double-double: lo carries the rounding error of hi (error-free
//     transformations: TwoSum for sums, std::fma for products), so sums and products of a few
//     doubles are exact and long sums are compensated, about 106 significant bits;
//   - the binary exponent (std::frexp/std::ldexp) keeps hi within 2^±256, so no sum of Calc
//     cells and no product of a few arguments overflows or underflows: an intermediate never
//     becomes inf, inf × 0 or inf / inf, and 1E-300 × 1E-300 is not 0.
// Only the final conversion to double rounds, once: a result too large for a double becomes
// infinity (#NUM! in Calc), one too small 0.
#pragma once

#include <cmath>
#include <compare>
#include <cstdint>

namespace saleskpi {

class Wide {
public:
    constexpr Wide() = default;
    Wide(double value) : hi_(value) { normalise(); }  // implicit: every double is a Wide

    // Rounded to the nearest double, once.
    explicit operator double() const {
        if (exponent_ == 0)
            return hi_ + lo_;
        // Beyond ±4000 the double is inf or 0 either way; ldexp takes an int.
        const auto scale = static_cast<int>(exponent_ > 4000 ? 4000 : exponent_ < -4000 ? -4000 : exponent_);
        return std::ldexp(hi_ + lo_, scale);
    }

    Wide& operator+=(const Wide& other) {
        if (other.hi_ == 0.0)
            return *this;
        if (hi_ == 0.0)
            return *this = other;
        if (exponent_ == other.exponent_)
            return add(other.hi_, other.lo_);
        if (exponent_ > other.exponent_)
            return add(scaled(other.hi_, other.exponent_ - exponent_),
                       scaled(other.lo_, other.exponent_ - exponent_));
        hi_ = scaled(hi_, exponent_ - other.exponent_);
        lo_ = scaled(lo_, exponent_ - other.exponent_);
        exponent_ = other.exponent_;
        return add(other.hi_, other.lo_);
    }
    Wide& operator-=(const Wide& other) { return *this += -other; }

    // A double added to a running total, the common case: Neumaier's compensated sum, whose
    // dependency chain is one addition (the error of each step goes to lo, beside it).
    Wide& operator+=(double value) {
        if (exponent_ != 0)
            return *this += Wide(value);
        const double total = hi_ + value;
        lo_ += std::fabs(hi_) >= std::fabs(value) ? (hi_ - total) + value : (value - total) + hi_;
        hi_ = total;
        const double magnitude = std::fabs(total);
        if (!(magnitude >= low && magnitude <= high))
            normalise();
        return *this;
    }

    Wide& operator*=(const Wide& other) {
        const double product = hi_ * other.hi_;
        const double error = std::fma(hi_, other.hi_, -product) + (hi_ * other.lo_ + lo_ * other.hi_);
        exponent_ += other.exponent_;
        return settle(product, error);
    }

    Wide& operator/=(const Wide& other) {
        if (other.hi_ == 0.0 || !std::isfinite(other.hi_) || !std::isfinite(hi_)) {
            *this = Wide(hi_ / other.hi_);  // what IEEE division gives: inf, NaN
            return *this;
        }
        const double quotient = hi_ / other.hi_;
        const double product = quotient * other.hi_;
        const double product_error = std::fma(quotient, other.hi_, -product);
        const double remainder = ((hi_ - product) - product_error + lo_) - quotient * other.lo_;
        exponent_ -= other.exponent_;
        return settle(quotient, remainder / other.hi_);
    }

    friend Wide operator+(Wide a, const Wide& b) { return a += b; }
    friend Wide operator-(Wide a, const Wide& b) { return a -= b; }
    friend Wide operator*(Wide a, const Wide& b) { return a *= b; }
    friend Wide operator/(Wide a, const Wide& b) { return a /= b; }
    friend Wide operator-(Wide a) {
        a.hi_ = -a.hi_, a.lo_ = -a.lo_;
        return a;
    }

    // Exact comparisons (the difference of two Wides is exact when they are close).
    friend bool operator==(const Wide& a, const Wide& b) { return (a - b).hi_ == 0.0; }
    friend std::partial_ordering operator<=>(const Wide& a, const Wide& b) {
        return (a - b).hi_ <=> 0.0;
    }

private:
    // Keep |hi| within [2^-256, 2^256] (or 0, or not finite), moving powers of two into the
    // exponent: hi × hi and hi / hi then never leave the range of a double.
    static constexpr double low = 0x1p-256;
    static constexpr double high = 0x1p256;

    // value × 2^by, by < 0: the operand of the smaller exponent brought to the other's. Both
    // are non-zero with |hi| in [2^-256, 2^256], so what underflows here is far below the
    // other operand's last bit.
    static double scaled(double value, std::int64_t by) {
        if (by < -4000)
            return 0.0;
        return std::ldexp(value, static_cast<int>(by));
    }

    // a + b = sum + error exactly (Knuth's TwoSum: no assumption on which is larger).
    static double two_sum(double a, double b, double& error) {
        const double sum = a + b;
        const double b_part = sum - a;
        error = (a - (sum - b_part)) + (b - b_part);
        return sum;
    }

    Wide& add(double hi, double lo) {
        double error = 0.0;
        const double sum = two_sum(hi_, hi, error);
        return settle(sum, error + (lo_ + lo));
    }

    // hi + lo (lo small against hi, or both tiny) as the double-double hi_ + lo_.
    Wide& settle(double hi, double lo) {
        if (!std::isfinite(hi)) {
            hi_ = hi, lo_ = 0.0, exponent_ = 0;
            return *this;
        }
        hi_ = two_sum(hi, lo, lo_);
        normalise();
        return *this;
    }

    void normalise() {
        const double magnitude = std::fabs(hi_);
        if (magnitude >= low && magnitude <= high)
            return;
        if (hi_ == 0.0) {  // lo may still hold what a compensated sum kept
            hi_ = lo_, lo_ = 0.0;
            if (hi_ == 0.0) {
                exponent_ = 0;
                return;
            }
        }
        if (!std::isfinite(hi_)) {
            lo_ = 0.0, exponent_ = 0;
            return;
        }
        int shift = 0;
        hi_ = std::frexp(hi_, &shift);
        lo_ = std::ldexp(lo_, -shift);
        exponent_ += shift;
    }

    double hi_ = 0.0;
    double lo_ = 0.0;
    std::int64_t exponent_ = 0;
};

}  // namespace saleskpi
