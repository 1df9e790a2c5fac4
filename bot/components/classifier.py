"""Rasa's LogisticRegressionClassifier, with its weights stored for the product it computes and
its input built without detours.

Predicting is `X @ coef_.T` with a sparse X; with scikit-learn's C-ordered `coef_` (topics x
~50k n-grams) the transpose is not contiguous and scipy copies it on every message (~2.7 ms).
Fortran order makes `coef_.T` contiguous: the same numbers, no copy.

Rasa's `_create_X` takes each message's sentence features through `Message.get_sparse_features`,
which also combines the sequence features it then drops and deep-copies them, and then stacks the
result with an empty dense part. Here the sentence features are stacked in the same order
directly: the same matrix (bot/tests/test_classifier_input.py) for about a quarter of the cost.
bot/tests/test_rasa_internals.py pins Rasa's `load` and `_create_X` and what they rely on.
"""
from __future__ import annotations

from typing import Any, List

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, hstack, vstack


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class ContiguousLogisticRegressionClassifier(LogisticRegressionClassifier):
    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> "ContiguousLogisticRegressionClassifier":
        component = super().load(*args, **kwargs)
        if hasattr(component.clf, "coef_"):  # an untrained component has none
            component.clf.coef_ = np.asfortranarray(component.clf.coef_)
        return component

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        return vstack([sentence_features(message) for message in messages])


def sentence_features(message: Message) -> Any:
    """The message's sparse sentence features side by side (in the order the featurizers added
    them, as Rasa combines them), then its dense ones: one row of X."""
    sentence = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
    sparse = [f.features for f in sentence if f.is_sparse()]
    dense = [f.features for f in sentence if f.is_dense()]
    return hstack([*(sparse or [csr_matrix([])]),
                   csr_matrix(np.concatenate(dense, axis=-1) if dense else [])])
