"""`Record` classes behave as the typing.NamedTuple classes they stand in for, quick enums as enums."""

from __future__ import annotations

import copy
import pickle
from enum import IntEnum, StrEnum
from typing import Generic, NamedTuple, TypeVar

import pytest

from owes_cli.answers import to_json
from owes_cli.domain.model import Text
from owes_cli.record import QuickIntEnum, QuickStrEnum, Record

T = TypeVar("T")


class Place(Record):
    """A record with defaults."""

    name: str
    county: str | None = None
    tags: tuple[str, ...] = ()


class PlaceNT(NamedTuple):
    name: str
    county: str | None = None
    tags: tuple[str, ...] = ()


class Picked(Record, Generic[T]):
    chosen: T
    notes: tuple[str, ...]


CALLS: list[tuple[tuple[object, ...], dict[str, object]]] = [
    (("Żary",), {}),
    (("Żary", "żarski"), {}),
    (("Żary", "żarski", ("town",)), {}),
    (("Żary",), {"tags": ("town",)}),
    ((), {"name": "Żary", "county": "żarski"}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_a_record_is_built_and_read_as_a_named_tuple(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    record, named = Place(*args, **kwargs), PlaceNT(*args, **kwargs)  # type: ignore[arg-type]
    assert tuple(record) == tuple(named) and tuple(record) == named
    assert (record.name, record.county, record.tags) == (named.name, named.county, named.tags)
    assert record._asdict() == named._asdict()
    assert repr(record) == repr(named).replace("PlaceNT", "Place")
    assert hash(record) == hash(named)


def test_a_record_has_the_named_tuple_helpers() -> None:
    assert Place._fields == PlaceNT._fields == ("name", "county", "tags")
    assert Place._field_defaults == PlaceNT._field_defaults
    assert Place.__match_args__ == ("name", "county", "tags")
    zary = Place("Żary", "żarski")
    assert zary._replace(county=None) == Place("Żary")
    assert Place._make(["Żary", "żarski", ()]) == zary
    assert pickle.loads(pickle.dumps(zary)) == zary and copy.deepcopy(zary) == zary
    name, county, tags = zary
    assert (name, county, tags) == ("Żary", "żarski", ())
    match zary:
        case Place(name, county):
            assert county == "żarski"
    assert Picked[int](1, ()).chosen == 1


def test_a_record_is_immutable_and_has_no_dict() -> None:
    zary = Place("Żary")
    with pytest.raises(AttributeError):
        zary.name = "Żagań"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        zary.other = 1  # type: ignore[attr-defined]
    assert not hasattr(zary, "__dict__")


@pytest.mark.parametrize(
    ("args", "kwargs", "error"),
    [
        ((), {}, "missing required argument: 'name'"),
        (("a", "b", (), "d"), {}, "takes 3 positional arguments but 4 were given"),
        (("a",), {"name": "b"}, "multiple values for argument 'name'"),
        (("a",), {"town": "b"}, "unexpected keyword argument 'town'"),
    ],
)
def test_a_wrong_call_raises_type_error(args: tuple[object, ...], kwargs: dict[str, object], error: str) -> None:
    with pytest.raises(TypeError, match=error):
        Place(*args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        PlaceNT(*args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unexpected field names"):
        Place("a")._replace(town="b")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="Expected 3 arguments"):
        Place._make(["a"])


def test_a_record_class_is_checked_as_it_is_defined() -> None:
    with pytest.raises(TypeError, match="without a default follows"):
        type("Bad", (Record,), {"__annotations__": {"a": "int", "b": "int"}, "a": 1})
    with pytest.raises(TypeError, match="cannot extend"):
        type("Wider", (Place,), {"__annotations__": {"extra": "int"}})
    with pytest.raises(TypeError, match="underscore"):
        type("Hidden", (Record,), {"__annotations__": {"_a": "int"}})


def test_answers_write_records_as_json_objects() -> None:
    assert to_json(Text("Żary", "Zary")) == {"pl": "Żary", "en": "Zary"}
    assert to_json(Place("Żary", tags=("town",))) == {"name": "Żary", "county": None, "tags": ["town"]}


class Kind(QuickStrEnum):
    """A QuickStrEnum is a StrEnum."""

    LAND = "land"
    CITY = "city"


class KindEnum(StrEnum):
    LAND = "land"
    CITY = "city"


class Code(QuickIntEnum):
    OK = 0
    USAGE = 2


def test_a_quick_enum_behaves_as_the_enum_it_stands_for() -> None:
    assert list(Kind) == [Kind.LAND, Kind.CITY] and Kind("city") is Kind.CITY
    assert isinstance(Kind.LAND, StrEnum) and isinstance(Code.USAGE, IntEnum)
    for quick, plain in zip(Kind, KindEnum, strict=True):
        assert (str(quick), f"{quick}", quick.value, quick.name) == (str(plain), f"{plain}", plain.value, plain.name)
        assert repr(quick) == repr(plain).replace("KindEnum", "Kind")
        assert quick == plain.value and hash(quick) == hash(plain.value)
    assert int(Code.USAGE) == 2 and Code(2) is Code.USAGE and str(Code.USAGE) == "2"
    assert pickle.loads(pickle.dumps(Kind.CITY)) is Kind.CITY
    assert to_json({"kind": Kind.LAND}) == {"kind": "land"}
    with pytest.raises(ValueError):
        Kind("town")


class KindWithMore(QuickStrEnum):
    """What Python 3.11's quicker path leaves to enum._simple_enum: an alias and a method."""

    LAND = "land"
    POWIAT = "land"

    def shout(self) -> str:
        return self.value.upper()


def test_a_quick_enum_with_an_alias_or_a_method_is_the_enum_it_stands_for() -> None:
    assert KindWithMore["POWIAT"] is KindWithMore.LAND and list(KindWithMore) == [KindWithMore.LAND]
    assert KindWithMore("land").shout() == "LAND" and isinstance(KindWithMore.LAND, StrEnum)
