"""`Record`: typed, immutable records, written as typing.NamedTuple classes are.

    from owes_cli.record import Record

    class Ref(Record):
        id: str
        name: str | None = None

mypy sees `typing.NamedTuple` itself, so every check it makes of a
NamedTuple (field types, defaults, `_replace`, unpacking) holds unchanged.
At run time `Record` is a plain tuple subclass whose metaclass reads the
class's annotations once and adds what NamedTuple adds: a C-level getter
per field, `__slots__ = ()`, `_fields`, `_field_defaults`, `_make`,
`_replace`, `_asdict`, a repr, equality and hashing as tuples. It skips
what makes typing.NamedTuple slow to define a class with: building the
class twice, compiling a `__new__` for each class (collections.namedtuple
`eval`s one) and type-checking every annotation (compiling a ForwardRef for
each one given as a string). Defining the ~110 record classes of the
package cost `owes which-centre` several milliseconds of start-up that way
(benchmarks/startup.py, `python -X importtime`). The annotations are never
evaluated, so modules may use `from __future__ import annotations` and names
imported only under TYPE_CHECKING.

A record cannot extend another record's fields, as with NamedTuple; a
generic record lists `Generic[T]` beside `Record`.

`QuickStrEnum` and `QuickIntEnum` do the same for enumerations: mypy sees
`enum.StrEnum` and `enum.IntEnum`; at run time a class written as one is
made by the standard library's own quicker constructor (`enum._simple_enum`,
which the stdlib uses for its enums): half the time of EnumType's checks,
~0.2 ms an enum here. Without that constructor they are the plain enums.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

__all__ = ["QuickIntEnum", "QuickStrEnum", "Record"]

if TYPE_CHECKING:
    from enum import IntEnum as QuickIntEnum
    from enum import StrEnum as QuickStrEnum
    from typing import NamedTuple as Record
else:
    from enum import IntEnum, StrEnum

    def _quick(kind):
        """A base class whose subclasses are made as enums of `kind` by enum._simple_enum
        (on Python 3.11, whose enum internals _made_quickly copies, more quickly still)."""
        try:
            from enum import _simple_enum
        except ImportError:  # pragma: no cover - a Python without it: the ordinary enum
            return kind
        simple = _simple_enum(kind)
        make = _quick_maker(kind) if sys.version_info[:2] == (3, 11) else None

        class QuickEnumType(type):
            def __new__(mcls, name, bases, namespace, **kwargs):
                if not bases:  # the base class itself
                    return super().__new__(mcls, name, bases, namespace, **kwargs)
                made = make(name, namespace) if make is not None and not kwargs else None
                return made if made is not None else simple(type(name, (), dict(namespace)))

        return QuickEnumType(f"Quick{kind.__name__}", (), {"__module__": __name__})

    def _quick_maker(kind):
        """What enum._simple_enum(kind) does for a class of plain members and nothing else, in
        one pass and without a class to convert: a quarter of its time (five enums are defined
        on every start-up). Any other class returns None, for _simple_enum itself."""
        import enum

        # The methods _simple_enum puts back on every such enum: the kind's own, where the kind
        # took them from its member type or from object (a rule of _simple_enum's, worked out once).
        member_type = kind._member_type_
        reset = {}
        for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
            method = getattr(kind, name)
            if method in (getattr(member_type, name), getattr(object, name)):
                reset[name] = method
        new_member, use_args = member_type.__new__, kind._use_args_
        member_property, enum_new = enum.property, enum.Enum.__new__
        fixed = {
            "_new_member_": new_member,
            "_use_args_": use_args,
            "_generate_next_value_": kind._generate_next_value_,
            "_member_type_": member_type,
            "_value_repr_": kind._value_repr_,
        }
        special = ("__new__", "__init__", "__repr__", "__str__", "__format__", "__reduce_ex__")

        def make(name, namespace):
            body = dict(fixed)
            members = {}
            for key, value in namespace.items():
                if key[:2] == "__" and key[-2:] == "__":
                    if key in special:
                        return None
                    body[key] = value
                elif key[0] == "_" or not isinstance(value, member_type) or value in members.values():
                    return None  # sunder, private, a descriptor, auto(), an alias: _simple_enum's own way
                else:
                    members[key] = value
            body["_member_names_"] = list(members)
            body["_member_map_"] = member_map = {}
            body["_value2member_map_"] = value2member_map = {}
            body["_unhashable_values_"] = []
            if body.get("__doc__") is None:
                body["__doc__"] = "An enumeration."
            body.update(reset)
            for key in members:
                body[key] = member_property()  # type.__new__ calls its __set_name__
            enum_class = type(name, (kind,), body, boundary=None, _simple=True)
            for index, (key, value) in enumerate(members.items()):
                member = new_member(enum_class, value) if use_args else new_member(enum_class)
                member._value_ = value
                member._name_ = key
                member.__objclass__ = enum_class
                member._sort_order_ = index
                member_map[key] = value2member_map[value] = member
            enum_class.__new__ = enum_new
            return enum_class

        return make

    QuickStrEnum = _quick(StrEnum)
    QuickIntEnum = _quick(IntEnum)

    try:  # the getter collections.namedtuple uses: an index read in C
        from _collections import _tuplegetter
    except ImportError:  # pragma: no cover - another Python implementation
        from operator import itemgetter

        def _tuplegetter(index, doc):
            return property(itemgetter(index), doc=doc)

    _tuple_new = tuple.__new__

    if sys.version_info >= (3, 14):  # annotations are lazy: read their names, evaluate nothing

        def _field_names(namespace):
            import annotationlib

            annotate = annotationlib.get_annotate_from_class_namespace(namespace)
            if annotate is None:
                return tuple(namespace.get("__annotations__", ()))
            return tuple(annotationlib.call_annotate_function(annotate, annotationlib.Format.FORWARDREF))

    else:

        def _field_names(namespace):
            return tuple(namespace.get("__annotations__", ()))

    # One getter per index, shared by every record class: a getter holds only its index (some 100
    # classes are defined on every start-up, and each new getter and its doc string cost time).
    _getters = [_tuplegetter(index, f"Alias for field number {index}") for index in range(16)]

    def _getter(index):
        while index >= len(_getters):
            _getters.append(_tuplegetter(len(_getters), f"Alias for field number {len(_getters)}"))
        return _getters[index]

    class _RecordMeta(type):
        def __new__(mcls, name, bases, namespace, **kwargs):
            if _base is None:  # Record itself
                return type.__new__(mcls, name, bases, namespace, **kwargs)
            for base in bases:
                if base is not _base and isinstance(base, _RecordMeta):
                    raise TypeError(f"{name}: a record cannot extend another record")
            fields = _field_names(namespace)
            defaults = {}
            for index, field in enumerate(fields):
                if field[0] == "_":
                    raise TypeError(f"{name}: field names cannot start with an underscore: {field!r}")
                if field in namespace:
                    defaults[field] = namespace[field]
                elif defaults:
                    raise TypeError(f"{name}: field {field!r} without a default follows fields with one")
                namespace[field] = _getters[index] if index < 16 else _getter(index)
            namespace["__slots__"] = ()
            namespace["_fields"] = namespace["__match_args__"] = fields
            namespace["_field_defaults"] = defaults
            return type.__new__(mcls, name, bases, namespace, **kwargs)

    _base = None

    class Record(tuple, metaclass=_RecordMeta):
        __slots__ = ()

        def __new__(cls, *args, **kwargs):
            if not kwargs and len(args) == len(cls._fields):
                return _tuple_new(cls, args)
            return _tuple_new(cls, _bind(cls, args, kwargs))

        @classmethod
        def _make(cls, iterable):
            made = _tuple_new(cls, iterable)
            if len(made) != len(cls._fields):
                raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(made)}")
            return made

        def _replace(self, /, **changes):
            made = self._make(map(changes.pop, self._fields, self))
            if changes:
                raise TypeError(f"Got unexpected field names: {list(changes)!r}")
            return made

        def _asdict(self):
            return dict(zip(self._fields, self, strict=True))

        def __repr__(self):
            shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
            return f"{type(self).__name__}({shown})"

        def __getnewargs__(self):
            return tuple(self)

    _base = Record

    def _bind(cls, args, kwargs):
        """The values of a call with keywords or defaults, in field order, or the TypeError Python would raise."""
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__}() takes {len(fields)} positional arguments but {len(args)} were given")
        values = list(args)
        defaults = cls._field_defaults
        for field in fields[len(args) :]:
            if field in kwargs:
                values.append(kwargs.pop(field))
            elif field in defaults:
                values.append(defaults[field])
            else:
                raise TypeError(f"{cls.__name__}() missing required argument: {field!r}")
        for field in kwargs:
            if field in fields:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {field!r}")
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {field!r}")
        return values
