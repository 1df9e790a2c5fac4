"""The classifier's input, built directly, is the matrix Rasa's own `_create_X` builds."""
from __future__ import annotations

import numpy as np
import scipy.sparse
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from components.classifier import ContiguousLogisticRegressionClassifier


def message(seed: int, dense: bool) -> Message:
    """Two sparse featurizers (word and character n-grams), each with sequence and sentence
    features, and optionally a dense one, as the pipeline gives them."""
    random = np.random.default_rng(seed)
    result = Message(data={TEXT: f"vraag {seed}"})
    tokens = int(random.integers(1, 6))
    for origin, width in (("words", 40), ("chars", 70)):
        for kind, rows in ((FEATURE_TYPE_SEQUENCE, tokens), (FEATURE_TYPE_SENTENCE, 1)):
            matrix = scipy.sparse.random(rows, width, density=0.2, format="coo", random_state=seed,
                                         data_rvs=lambda n: random.integers(1, 4, n).astype(float))
            result.features.append(Features(matrix, kind, TEXT, origin))
    if dense:
        result.features.append(Features(random.random((1, 5)), FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    return result


def test_the_direct_input_equals_rasas():
    for dense in (False, True):
        messages = [message(seed, dense) for seed in range(30)]
        rasas = LogisticRegressionClassifier._create_X(None, messages)
        ours = ContiguousLogisticRegressionClassifier._create_X(None, messages)
        assert ours.shape == rasas.shape
        assert abs(scipy.sparse.csr_matrix(ours) - scipy.sparse.csr_matrix(rasas)).sum() == 0
        assert scipy.sparse.csr_matrix(rasas).nnz > 0
