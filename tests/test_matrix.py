"""The feature matrix's columns under their topics (일반, 하드웨어, …): one declaration per field in
fields.py, one heading per topic above its columns, and on every cell the labels a phone's card
shows before its value."""

from __future__ import annotations

import re

import pytest
from conftest import BUILD_DAY
from dlkb import fields
from dlkb.catalog import Catalog
from dlkb.fields import fields_for, matrix_groups
from dlkb.model import Feature, Hardware
from dlkb.render import render_pages

TOPICS = [("general", "일반"), ("hardware", "하드웨어"), ("distributed", "분산 학습"), ("deployment", "배포"), ("tools", "도구")]


def test_the_matrix_columns_are_grouped_by_topic() -> None:
    groups = matrix_groups()
    assert [(topic.id, topic.label) for topic, _ in groups] == TOPICS
    assert [f for _, columns in groups for f in columns] == fields_for("matrix")  # every column, in the same order
    by_topic = {topic.id: [f.key for f in columns] for topic, columns in groups}
    assert by_topic["general"] == ["kind", "status", "first_release", "latest_release", "license", "languages_apis", "graph_mode"]
    assert by_topic["hardware"] == [f"hardware_{name}" for name, info in Hardware.model_fields.items() if info.annotation is Feature]
    assert by_topic["tools"] == ["visualization"]


def moved(key: str, after: str) -> list[fields.FieldView]:
    field = next(f for f in fields.FIELDS if f.key == key)
    rest = [f for f in fields.FIELDS if f is not field]
    at = next(i for i, f in enumerate(rest) if f.key == after) + 1
    return [*rest[:at], field, *rest[at:]]


def test_a_column_declared_apart_from_its_topic_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """A heading spans adjacent columns only: a topic split in two would head the wrong ones."""
    monkeypatch.setattr(fields, "FIELDS", moved("visualization", "id"))  # a topic moved whole: fine
    assert [topic.id for topic, _ in matrix_groups()] == ["tools", "general", "hardware", "distributed", "deployment"]
    monkeypatch.setattr(fields, "FIELDS", moved("kind", "hardware_cpu"))  # 일반 split by 하드웨어
    with pytest.raises(ValueError, match="matrix fields out of topic order"):
        matrix_groups()


@pytest.fixture(scope="module")
def matrix_page(catalog: Catalog) -> str:
    return next(p.markdown for p in render_pages(catalog, BUILD_DAY) if p.path == "compare/matrix.md")


def test_the_page_heads_each_topic_and_labels_every_cell(matrix_page: str, catalog: Catalog) -> None:
    heads = re.findall(r'<th scope="colgroup" colspan="(\d+)" id="([a-z]+)" data-topic="[a-z]+">([^<]+) <a class="dlkb-anchor" href="#([a-z]+)"', matrix_page)
    groups = matrix_groups()
    assert [(int(span), id_, label, href) for span, id_, label, href in heads] == [
        (len(columns), topic.id, topic.label, topic.id) for topic, columns in groups]
    assert sum(int(span) for span, *_ in heads) == len(fields_for("matrix")) == 24
    # each card line's label, and the topic heading on the first line of each topic
    expected = [(f.label, topic.label if i == 0 else "") for topic, columns in groups for i, f in enumerate(columns)]
    rows = re.findall(r'<tr id="([^"]+)" data-alive=.*?</tr>', matrix_page, re.S)
    assert sorted(rows) == sorted(catalog.frameworks)
    for row in re.findall(r'<tr id="[^"]+" data-alive=.*?</tr>', matrix_page, re.S):
        assert re.findall(r'<td data-sort="[^"]*" data-label="([^"]*)"(?: data-topic="([^"]*)")?>', row) == expected
    ids = re.findall(r' id="([^"]+)"', matrix_page)  # topics, columns and frameworks share the page's addresses
    assert len(ids) == len(set(ids)) and "hardware" in ids and "hardware-apple" in ids and "pytorch" in ids


def test_a_filter_tells_its_values_apart_by_the_cells_sort_keys() -> None:
    from dlkb.render import FilterOption, MatrixFilter

    status = next(f for f in fields_for("matrix") if f.key == "status")
    MatrixFilter("status", "상태", [FilterOption("active", "활발히 개발 중", status, "0"), FilterOption("archived", "보관됨", status, "3")])
    with pytest.raises(ValueError, match="matrix filter status: two values share a sort key"):
        MatrixFilter("status", "상태", [FilterOption("active", "활발히 개발 중", status, "0"), FilterOption("archived", "보관됨", status, "0")])


def test_each_choice_keeps_the_rows_whose_cell_has_its_sort_key(matrix_page: str, catalog: Catalog) -> None:
    """What the script compares, read from the page: the option's column and key against each row's cell."""
    columns = re.findall(r'<th scope="col" id="[^"]+" data-key="([^"]+)"', matrix_page)
    rows = {fw_id: re.findall(r'<td data-sort="([^"]*)"', row) for fw_id, row in
            re.findall(r'<tr id="([^"]+)" data-alive=.*?>(.*?)</tr>', matrix_page, re.S)}
    select = re.search(r'<select name="hardware">(.*?)</select>', matrix_page, re.S)
    assert select is not None
    options = re.findall(r'<option value="([^"]+)" data-field="([^"]+)" data-sort="([^"]+)">', select.group(1))
    assert options
    for value, field, key in options:
        _, level = value.split(":")
        kept = {fw_id for fw_id, cells in rows.items() if cells[columns.index(field)] == key}
        path = field.split("_", 1)[1]
        assert kept == {fw.id for fw in catalog.frameworks.values() if str(getattr(fw.hardware, path).value) == level}, value
