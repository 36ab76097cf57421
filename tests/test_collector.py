"""The crawl's garbage-collector tuning: on for the engine's life, undone after it."""

import gc

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.collector import Collector


def test_the_collector_is_tuned_while_the_engine_runs_and_restored_after() -> None:
    before = gc.get_threshold()
    ext = Collector.from_crawler(get_crawler(settings_dict={"THAIPR_GC_THRESHOLD": 12345}))
    ext.engine_started()
    try:
        assert gc.get_threshold() == (12345, *before[1:])
        assert gc.get_freeze_count() > 0  # what was alive at the start is never walked again
    finally:
        ext.engine_stopped()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_threshold_of_zero_leaves_the_collector_alone() -> None:
    with pytest.raises(NotConfigured):
        Collector.from_crawler(get_crawler(settings_dict={"THAIPR_GC_THRESHOLD": 0}))
