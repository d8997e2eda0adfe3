"""What a worker process does: parse texts with spaCy and send the parses back as bytes.

Workers only parse. Coding (actors, quotes, events) stays in the one writer process because an
article's rows depend on the alias memory learned from the articles before it in the run
(docs/performance.md: 76 of 100 news_bench articles change without it), so coding in input order
is what keeps the output identical to one process. Parsing is about four fifths of the time.

The model is loaded once per worker process (``load_nlp`` is cached per process), both in a local
process pool and on Dask workers.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from dyadwatch.nlp import load_nlp, parse_texts


@dataclass
class ParsedChunk:
    """The parses of a chunk of texts: a DocBin of the ones that parsed, and why the others failed."""

    docbin: bytes
    failures: dict[int, str] = field(default_factory=dict)  # text index -> repr of the exception
    count: int = 0

    def docs(self, vocab: Vocab) -> list[Doc | Exception]:
        """One Doc (or the worker's exception) per text, in the order the texts were sent."""
        if not self.count:
            return []
        parsed = iter(DocBin().from_bytes(self.docbin).get_docs(vocab))
        return [
            WorkerError(self.failures[i]) if i in self.failures else next(parsed) for i in range(self.count)
        ]


class WorkerError(Exception):
    """An exception raised in a worker, carried back by its repr (so error reasons read as in one process)."""

    def __repr__(self) -> str:
        return str(self.args[0])


def warm_up(parent: int | None = None) -> None:
    """Pool initializer: exit with ``parent`` (the pid that started the pool), and load the model now
    so the first chunk does not pay for it."""
    parent = parent or os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    load_nlp()


def _exit_with(parent: int, every: float = 1.0) -> None:
    """A worker whose parent was killed (``kill -9`` an ingest) would otherwise wait for work forever."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)


def parse_chunk(texts: list[str]) -> ParsedChunk:
    """Parse texts in one ``nlp.pipe`` stream; runs in a worker process."""
    nlp = load_nlp()
    with nlp.memory_zone():  # the chunk's new strings are not kept for the life of the worker
        parsed = parse_texts(nlp, texts)
        docbin = DocBin(docs=[d for d in parsed if isinstance(d, Doc)])
        failures = {i: repr(d) for i, d in enumerate(parsed) if not isinstance(d, Doc)}
        return ParsedChunk(docbin=docbin.to_bytes(), failures=failures, count=len(texts))
