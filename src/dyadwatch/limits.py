"""Size limits for hostile or oversized input, in one place so the CLI, readers and pipeline agree.

A limit never stops a run: whatever passes it becomes an error record for that one document
(or that one file, for formats that must be read whole), and the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DOC_CHARS = 2_000_000  # a document's text: ~1 min of parsing on one core; a 1.2 MB article passes
RAW_BYTES_PER_CHAR = 8  # a document's raw bytes (HTML markup, JSON escapes) may be this many times its text
SECTION_CHARS = 30_000  # longer articles are parsed and coded in sections (coding time grows faster than length)
MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024  # .json and feed files are parsed whole; JSON Lines is streamed
GZIP_MAX_RATIO = 100  # gzip output per input byte; text compresses ~5-20:1, a decompression bomb ~1000:1
GZIP_RATIO_AFTER_BYTES = 64 * 1024 * 1024  # ... checked once this much was decompressed from one stream
DOC_TIMEOUT = 300.0  # seconds for one document's cleaning, and again for its coding (parsing is not timed)


@dataclass(frozen=True)
class Limits:
    """Per-document caps; users set ``max_doc_chars`` (``--max-doc-chars``) and ``doc_timeout`` (``--doc-timeout``)."""

    max_doc_chars: int = MAX_DOC_CHARS
    doc_timeout: float = DOC_TIMEOUT  # 0: no time budget
    section_chars: int = SECTION_CHARS
    max_whole_file_bytes: int = MAX_WHOLE_FILE_BYTES

    @property
    def max_doc_bytes(self) -> int:
        """What a reader reads of one document (a file, a JSONL line, a WARC record) before refusing it."""
        return self.max_doc_chars * RAW_BYTES_PER_CHAR


MAX_DOC_BYTES = Limits().max_doc_bytes
