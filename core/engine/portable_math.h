// The transcendental functions of the training path, written out so that the native build
// (glibc) and the wasm build (musl) return the same bits: a range reduction and a polynomial in
// double, built from + - * /, floor, frexp and ldexp only, which IEEE 754 makes exact or
// correctly rounded everywhere. Each is within a few double ulps of the true value, so a float
// rounded from it is the correctly rounded float but for about one argument in 10^8 (where it is
// 1 ulp off); tests/native/engine/portable_math_test.cpp measures both.
#pragma once

namespace gradtape::portable {

double exp(double x);    // e^x
double expm1(double x);  // e^x - 1, accurate near 0
double log(double x);    // ln x (-inf at 0, NaN below)
double log1p(double x);  // ln(1 + x), accurate near 0
double tanh(double x);

}  // namespace gradtape::portable
