"""What a page costs a reader on a phone: every response it loads, raw and gzip-compressed.

Used by the page-weight test and by `make bench-site`. The page is driven by Playwright (real
Chromium); compressed sizes are what nginx sends with `gzip_comp_level 6` (deploy/templates/nginx.conf.j2),
computed here so the figure does not depend on the local test server.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass

# Already compressed formats are sent as they are.
_PRECOMPRESSED = ("image/png", "image/jpeg", "image/webp", "font/woff2", "application/pdf")


@dataclass(frozen=True)
class Transfer:
    url: str
    content_type: str
    raw: int
    compressed: int


def compressed_size(body: bytes, content_type: str) -> int:
    if content_type.startswith(_PRECOMPRESSED):
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


class TransferRecorder:
    """Collects the responses of a Playwright page (including those of its workers) while it runs."""

    def __init__(self, page):
        self.transfers: list[Transfer] = []
        self._responses = []
        page.context.on("response", lambda response: self._responses.append(response))

    def collect(self) -> list[Transfer]:
        for response in self._responses:
            try:
                body = response.body()
            except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
                continue
            content_type = (response.headers.get("content-type") or "").split(";")[0]
            self.transfers.append(Transfer(response.url, content_type, len(body), compressed_size(body, content_type)))
        self._responses.clear()
        return self.transfers


def total_compressed(transfers: list[Transfer]) -> int:
    return sum(t.compressed for t in transfers)
