"""Small text helpers shared by the taxonomy and the forms."""
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def slugify(value: str) -> str:
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", folded.lower()).strip("-")


def normalise_tag(value: str) -> str:
    """Tags are lower case, single-spaced, without a leading '#'; Dutch letters are kept."""
    value = unicodedata.normalize("NFC", value).strip().lstrip("#").strip()
    return _SPACES.sub(" ", value).lower()


def split_tags(value: str) -> list[str]:
    seen: list[str] = []
    for part in re.split(r"[,;\n]", value or ""):
        tag = normalise_tag(part)
        if tag and tag not in seen:
            seen.append(tag)
    return seen
