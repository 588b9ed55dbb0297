"""Damage for files, as hypothesis strategies: truncation, flipped bytes, inserted chunks (NUL
bytes, byte-order marks, a huge cell, formulas, control characters), random bytes. Shared by the
bad-file tests of every importer; ``CASES_TRIED`` counts the cases, printed after the run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

CASES_TRIED: Counter[str] = Counter()
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
Damage = Callable[[bytes], bytes]


def damaged(path: Path, damage: Damage, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / path.name
    copy.write_bytes(damage(path.read_bytes()))
    return copy


def _truncate(at: float) -> Damage:
    return lambda data: data[: int(len(data) * at)]


def _flip(where: list[tuple[float, int]]) -> Damage:
    def flip(data: bytes) -> bytes:
        damaged = bytearray(data)
        for place, byte in where:
            damaged[int(place * (len(damaged) - 1))] = byte
        return bytes(damaged)

    return flip


def _insert(at: float, chunk: bytes) -> Damage:
    return lambda data: data[: int(len(data) * at)] + chunk + data[int(len(data) * at) :]


CHUNKS = {
    "NUL bytes": b"\x00" * 64,
    "byte-order marks": b"\xff\xfe\x00\x00",
    "a huge cell": b"A" * 300_000,
    "formulas": b'=HYPERLINK("http://example.com","x"),=1+2,@SUM(A1)\n',
    "control characters": b"\r\r\n\n\x1a",
    "Windows-1252 text": "é£€—".encode("cp1252"),
    "bidirectional marks": "\u202e\ufeff".encode(),
}


DAMAGE = st.one_of(
    st.floats(0, 1).map(_truncate),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=20).map(_flip),
    st.tuples(st.floats(0, 1), st.sampled_from(sorted(CHUNKS))).map(
        lambda args: _insert(args[0], CHUNKS[args[1]])
    ),
    st.binary(max_size=4096).map(lambda random: lambda _: random),
)
