"""One test per framework: the core facts a reader checks first (what it is, its licence, first
public release, latest stable release, status), as verified in primary sources and written in the
notes of the issues that added or corrected them, and the page that shows them.

A new framework needs a row here; a changed fact needs its row changed, on purpose.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from dlkb.catalog import Catalog

# id: (kind, licence, first public release, latest stable release or unknown, status)
FACTS = {
    "bigdl": ("spark_library", "Apache-2.0", "2017-04-07", "2.4.0 2023-11-13", "discontinued"),
    "burn": ("engine", "MIT OR Apache-2.0", "2022", "0.21.0 2026-05-07", "active"),
    "caffe": ("engine", "BSD-2-Clause", "2013", "1.0 2017-04-15", "discontinued"),
    "caffe2": ("engine", "Apache-2.0", "2017", "0.8.1 2017-08-08", "merged"),
    "chainer": ("engine", "MIT", "2015", "7.8.1 2022-01-05", "maintenance"),
    "cntk": ("engine", "MIT", "2015", "2.7.0 2019-03-29", "discontinued"),
    "deeplearning4j": ("engine", "Apache-2.0", "2014", "1.0.0-M2.1 2022-08-12", "active"),
    "dsstne": ("engine", "Apache-2.0", "2016", "태그 릴리스 없음 (master e429ea8) 2020-02-20", "archived"),
    "dynet": ("engine", "Apache-2.0", "2016", "2.1.2 2020-10-21", "discontinued"),
    "fastai": ("high_level_api", "Apache-2.0", "2018-10-01", "unknown", "active"),
    "flax": ("high_level_api", "Apache-2.0", "2020", "unknown", "active"),
    "jax": ("array_library", "Apache-2.0", "2018", "unknown", "active"),
    "keras": ("high_level_api", "Apache-2.0", "2015-03-27", "3.15.1 2026-07-29", "active"),
    "mindspore": ("engine", "Apache-2.0", "2020-03-28", "unknown", "active"),
    "mlx": ("engine", "MIT", "2023-12-05", "unknown", "active"),
    "mxnet": ("engine", "Apache-2.0", "2015", "1.9.1 2022-05-10", "archived"),
    "oneflow": ("engine", "Apache-2.0", "2020-07-31", "1.0.0 2024-03-11", "maintenance"),
    "paddle": ("engine", "Apache-2.0", "2016", "unknown", "active"),
    "pycaret": ("automl", "MIT", "2020", "3.3.2 2024-04-28", "active"),
    "pytorch": ("engine", "BSD-3-Clause", "2017-01-19", "unknown", "active"),
    "tensorflow": ("engine", "Apache-2.0", "2015-11-09", "2.21.0 2026-03-06", "active"),
    "theano": ("engine", "BSD-3-Clause", "2009-04-02", "1.0.5 2020-07-27", "discontinued"),
    "tinygrad": ("engine", "MIT", "2020", "unknown", "active"),
    "torch": ("engine", "BSD-3-Clause", "2011", "unknown", "discontinued"),
}


def test_every_framework_has_a_row(catalog: Catalog) -> None:
    assert sorted(FACTS) == sorted(catalog.frameworks)


@pytest.mark.parametrize("fw_id", sorted(FACTS))
def test_core_facts_and_their_page(catalog: Catalog, site: Path, fw_id: str) -> None:
    fw = catalog.frameworks[fw_id]
    latest = f"{fw.latest.version} {fw.latest.date}" if fw.latest else "unknown"
    assert (fw.kind.value, fw.license.spdx, str(fw.first_release), latest, fw.status.value) == FACTS[fw_id]
    page = html.unescape(re.sub(r"<[^>]+>", "", (site / "frameworks" / fw_id / "index.html").read_text(encoding="utf-8")))
    release = fw.shown_release  # the newer of this row's release and what `dlkb refresh` observed
    for shown in (fw.name, fw.kind.label, fw.status.label, fw.license.spdx, release.version if release else "확인 안 됨"):
        assert shown in page, shown
    assert not re.search(r"\bNone\b", page)  # an empty optional value is left out, never printed
