"""Versioned content: the career YAML files, the O*NET extract and the reader for both.

`launchpad load-content` puts them in the database; `launchpad ladder` reads them directly.
"""

from launchpad.content.reader import (
    CAREERS_DIR,
    CONTENT_DIR,
    ONET_DIR,
    CareersContent,
    ContentError,
    build_ladder,
    check_onet_links,
    read_careers,
    read_content,
    read_onet,
)

__all__ = [
    "CAREERS_DIR",
    "CONTENT_DIR",
    "ONET_DIR",
    "CareersContent",
    "ContentError",
    "build_ladder",
    "check_onet_links",
    "read_careers",
    "read_content",
    "read_onet",
]
