"""Rasa's LogisticRegressionClassifier, with its weights stored for the product it computes.

Predicting is `X @ coef_.T` with a sparse X; with scikit-learn's C-ordered `coef_` (topics x
~50k n-grams) the transpose is not contiguous and scipy copies it on every message (~2.7 ms).
Fortran order makes `coef_.T` contiguous: the same numbers, no copy. bot/tests/test_rasa_internals.py
pins Rasa's `load`, which this extends.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class ContiguousLogisticRegressionClassifier(LogisticRegressionClassifier):
    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> "ContiguousLogisticRegressionClassifier":
        component = super().load(*args, **kwargs)
        if hasattr(component.clf, "coef_"):  # an untrained component has none
            component.clf.coef_ = np.asfortranarray(component.clf.coef_)
        return component
