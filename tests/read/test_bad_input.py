"""Every kind of bad input becomes one Failure with a plain reason, at the
reader, without an exception (the CLI tests check the stderr line and exit
status). Inputs are real files made in tmp_path."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from diplograph.read import read_paths
from diplograph.read.common import MAX_BYTES
from diplograph.records import Failure

ENGLISH = "The minister met his counterpart in Hanoi on Monday; the two sides agreed to deepen cooperation."


def only_failure(path: Path) -> Failure:
    items = list(read_paths([path]))
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert only_failure(path).reason == "empty file"
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \t\n")
    assert only_failure(blank).reason == "empty report (no text)"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert only_failure(path).reason == "binary file (not text)"


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(ENGLISH.replace("Hanoi", "Hà Nội").encode("latin-1", errors="replace") + b" caf\xe9")
    reason = only_failure(path).reason
    assert reason.startswith("invalid UTF-8 at byte ")


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # 50 MB of real text, written in 1 MB blocks
        block = (ENGLISH + "\n").encode() * (1024 * 1024 // (len(ENGLISH) + 1))
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(block)
        handle.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_BYTES
    failure = only_failure(path)
    assert failure.reason.startswith("too large (50.0 MB") and failure.id == "huge"


def test_nonexistent_path(tmp_path: Path) -> None:
    failure = only_failure(tmp_path / "missing.txt")
    assert failure.reason == "cannot read: No such file or directory"
    assert failure.id == str(tmp_path / "missing.txt")


def test_path_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(ENGLISH)
    assert only_failure(tmp_path / "report.txt" / "child.txt").reason == "cannot read: Not a directory"


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert only_failure(link).reason == "cannot read: No such file or directory"


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert only_failure(fifo).reason == "not a regular file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH)
    path.chmod(0)
    assert only_failure(path).reason == "cannot read: Permission denied"


def test_jsonl_line_over_the_size_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    with open(path, "w") as handle:
        handle.write('{"id": "big", "text": "' + "x" * (MAX_BYTES + 10) + '"}\n')
        handle.write(json.dumps({"id": "small", "text": ENGLISH}) + "\n")
    items = list(read_paths([path]))
    assert isinstance(items[0], Failure) and items[0].reason.startswith("too large")
    assert items[1].id == "small"


@pytest.mark.parametrize(
    "language,text",
    [
        (
            "fr",
            "Le président de la République a reçu le premier ministre du Vietnam. Les deux dirigeants "
            "ont signé des accords pour la coopération dans les domaines de l'énergie et de la santé.",
        ),
        (
            "vi",
            "Thủ tướng Chính phủ Phạm Minh Chính đã có cuộc gặp với Thủ tướng Malaysia tại Kuala Lumpur. "
            "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại và đầu tư.",
        ),
        ("zh", "越南政府总理范明正在吉隆坡会见马来西亚总理安瓦尔。双方同意加强经济、贸易和投资领域的合作。"),
        (
            "id",
            "Presiden Joko Widodo menerima kunjungan Perdana Menteri Vietnam di Istana Merdeka. Kedua "
            "pemimpin sepakat untuk memperkuat kerja sama yang telah terjalin dalam bidang ekonomi.",
        ),
    ],
)
def test_report_not_in_english(tmp_path: Path, language: str, text: str) -> None:
    path = tmp_path / f"{language}.txt"
    path.write_text(text, encoding="utf-8")
    assert only_failure(path).reason == f"not English (looks like {language})"


def test_english_with_some_foreign_words_is_english(dev_docs: list[Path]) -> None:
    # every dev report is English, including ones quoting Vietnamese names or a Japanese line
    for item in read_paths(dev_docs):
        assert not isinstance(item, Failure), item
