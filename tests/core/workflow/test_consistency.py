"""Consistency of image sets with known palettes and layouts: palette extraction, perceptual
hashes, scores, outliers, and which measures were used (CLIP absent or present)."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.core.workflow.clip_backend import NOT_INSTALLED, clip_installed, load_clip
from desktop.core.workflow.colour import delta_e2000, srgb_to_lab
from desktop.core.workflow.consistency import score_set, signature
from desktop.core.workflow.image_measures import dominant_palette, hamming, palette_distance, phash
from tests.core.workflow.images import checker, scene, stripes

WARM = [((230, 120, 40), (250, 220, 90)), ((225, 115, 45), (245, 215, 95)),
        ((235, 125, 35), (250, 225, 85)), ((228, 118, 42), (248, 218, 92))]
BLUE = ((30, 60, 160), (120, 200, 240))


def test_the_dominant_palette_recovers_known_colours_and_their_shares() -> None:
    colours = [((200, 30, 45), 0.6), ((20, 30, 80), 0.3), ((240, 240, 240), 0.1)]
    palette = dominant_palette(stripes(colours), k=3)
    for rgb, share in colours:
        d = delta_e2000(palette.lab, srgb_to_lab(np.array(rgb, dtype=float)))
        assert d.min() < 1.0
        assert palette.weights[int(d.argmin())] == pytest.approx(share, abs=0.02)


def test_palette_distance_is_small_for_similar_palettes_and_large_for_different_ones() -> None:
    warm1 = dominant_palette(scene(*WARM[0]))
    warm2 = dominant_palette(scene(*WARM[1]))
    blue = dominant_palette(scene(*BLUE))
    assert palette_distance(warm1, warm2) < 4
    assert palette_distance(warm1, blue) > 30
    assert palette_distance(warm1, warm2) == pytest.approx(palette_distance(warm2, warm1))


def test_perceptual_hash_tracks_structure_not_bytes() -> None:
    base = scene(*WARM[0])
    assert phash(base) == phash(base.copy())
    brighter = np.clip(base.astype(int) + 12, 0, 255).astype(np.uint8)
    assert hamming(phash(base), phash(brighter)) <= 4
    assert hamming(phash(base), phash(checker((160, 160), 20))) >= 20


def test_one_blue_image_among_warm_ones_is_the_outlier() -> None:
    sigs = [signature(i, scene(*c, shift=i * 2)) for i, c in enumerate(WARM, start=1)]
    sigs.append(signature(99, scene(*BLUE)))
    report = score_set(sigs, NOT_INSTALLED)
    assert report.outliers == [99]
    by_id = {i.asset_id: i for i in report.images}
    assert by_id[99].score < min(by_id[i].score for i in range(1, 5)) - 20
    assert by_id[99].palette_distance > 25


def test_a_coherent_set_scores_higher_than_a_mixed_one() -> None:
    coherent = [signature(i, scene(*c)) for i, c in enumerate(WARM)]
    mixed = coherent[:2] + [signature(7, scene(*BLUE)), signature(8, checker((160, 160), 10))]
    assert score_set(coherent).score > 85
    assert score_set(coherent).score - score_set(mixed).score > 25
    assert score_set(coherent).outliers == []


def test_without_clip_the_report_says_so_and_uses_palette_and_phash() -> None:
    report = score_set([signature(1, scene(*WARM[0])), signature(2, scene(*WARM[1]))], NOT_INSTALLED)
    assert report.measures == ("palette", "phash")
    assert report.left_out == {"clip": NOT_INSTALLED}
    assert all(i.clip_similarity is None for i in report.images)
    assert len(report.images) == 2 and not report.outliers  # too few images for outliers


def test_this_machine_has_no_clip_and_loading_it_says_why() -> None:
    if clip_installed():
        pytest.skip("the CLIP extra is installed here")
    embedder, why = load_clip()
    assert embedder is None and "not installed" in why


def test_with_embeddings_clip_joins_the_measures_and_moves_the_score() -> None:
    images = [scene(*c) for c in WARM[:3]]
    same = [signature(i, im, np.array([1.0, 0.0, 0.0])) for i, im in enumerate(images)]
    apart = [signature(i, im, np.eye(3)[i]) for i, im in enumerate(images)]  # orthogonal: unrelated
    with_same, with_apart = score_set(same), score_set(apart)
    assert with_same.measures == ("palette", "phash", "clip") and with_same.left_out == {}
    assert with_same.images[0].clip_similarity == pytest.approx(1.0)
    assert with_same.score - with_apart.score == pytest.approx(40.0, abs=0.5)  # CLIP weighs 0.4


def test_an_empty_or_single_image_set_is_defined() -> None:
    assert score_set([]).score == 0.0
    single = score_set([signature(5, scene(*WARM[0]))])
    assert single.score == 100.0 and single.images[0].outlier is False
