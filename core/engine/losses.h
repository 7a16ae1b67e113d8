// Keras' losses as batch means, computed step by step as TensorFlow.js computes them
// (tfjs-layers losses.ts), each with a tape op and a no-tape twin that gives the same number
// (for validation batches): binary cross-entropy (binary), sparse categorical cross-entropy
// (multi-class) and mean squared error (regression).
//
// Each takes optional row weights ([n,1], Keras' sample_weight; class weights become these): the
// loss is then Σ_i w_i·l_i / n, Keras' "sum_over_batch_size" reduction, and the gradient of row i
// is w_i times its own. Without them every w_i is 1, and the numbers are exactly the unweighted
// ones.
#pragma once

#include "core/engine/tape.h"

namespace gradtape {

// Keras BinaryCrossentropy() on probabilities: with p clipped to [1e-7, 1 - 1e-7] (the float32
// bounds), the mean over all elements of -(t·ln p + (1 - t)·ln(1 - p)), evaluated as tfjs does:
// z = ln(p / (1 - p)), then the logistic loss below. No gradient flows where p was clipped.
// probs and targets are [n,k]; the result is [1,1].
Var binary_crossentropy(GradientTape& tape, Var probs, Var targets,
                        const Matrix* row_weights = nullptr);
Var binary_crossentropy(GradientTape& tape, Var probs, const Matrix& targets,
                        const Matrix* row_weights = nullptr);
float binary_crossentropy(const Matrix& probs, const Matrix& targets,
                          const Matrix* row_weights = nullptr);

// Keras BinaryCrossentropy(from_logits=true): the mean over all elements of
// tf.nn.sigmoid_cross_entropy_with_logits, max(z, 0) - z·t + ln(1 + e^-|z|).
Var sigmoid_cross_entropy_with_logits(GradientTape& tape, Var logits, Var labels);
Var sigmoid_cross_entropy_with_logits(GradientTape& tape, Var logits, const Matrix& labels);
float sigmoid_cross_entropy_with_logits(const Matrix& logits, const Matrix& labels);

// Keras SparseCategoricalCrossentropy() on probabilities, as tfjs computes it: p clipped to
// [1e-7, 1 - 1e-7], divided by its row sum, clipped again; the batch mean of -ln p[label].
// probs [n,K]; labels [n,1], the class index of each row (a whole number as a float).
Var sparse_categorical_crossentropy(GradientTape& tape, Var probs, const Matrix& labels,
                                    const Matrix* row_weights = nullptr);
float sparse_categorical_crossentropy(const Matrix& probs, const Matrix& labels,
                                      const Matrix* row_weights = nullptr);

// Keras MeanSquaredError(): each row's mean of (p - t)² over its K outputs, then the batch mean.
// predictions and targets [n,K].
Var mean_squared_error(GradientTape& tape, Var predictions, const Matrix& targets,
                       const Matrix* row_weights = nullptr);
float mean_squared_error(const Matrix& predictions, const Matrix& targets,
                         const Matrix* row_weights = nullptr);

}  // namespace gradtape
