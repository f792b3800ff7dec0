"""The output contract of ``kg build``, as ``shared/eval/README.md`` states it: written out here,
apart from the code, so that a change of the code cannot change what the tests expect."""

from __future__ import annotations

# the fields of a line of claims.jsonl that the scorer reads, in their order
CLAIM_CONTRACT_FIELDS = [
    "id",
    "type",
    "accuser",
    "accused",
    "offense",
    "cue",
    "status",
    "reported_by",
    "article",
    "sentence",
    "start",
    "end",
]
