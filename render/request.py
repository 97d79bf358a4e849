"""The feature request understood: action, target resources and their roles, attributes,
qualifiers, the component it is about, its type, title and slug."""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from pydantic import BaseModel, ConfigDict

from render.errors import PlanError
from render.lexicon import can_be_noun, is_known, lemma, only_not_noun, parts_of_speech
from render.words import STOPWORDS, singular, split_identifier

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_TOKEN = re.compile(r"[^\W_]+(?:[-_.][^\W_]+)*(?:['\u2019]s)?")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_MAX_TITLE_WORDS = 12
_MAX_SLUG = 60
_MAX_TITLE = 80
_MAX_NAME = 40
_CLOSEST = 5
#: Shorter code-shaped words (``A2A``, ``v2``) occur everywhere in code by chance.
_MIN_CODE = 5

#: Leading verbs (lemmas) that say the request repairs behaviour.
_BUG = frozenset(
    {"fix", "handle", "disallow", "prevent", "forbid", "reject", "stop", "resolve", "correct"}
    | {"validate", "check", "avoid", "ensure", "restore", "repair", "guard", "patch"}
)
#: Words anywhere in the request that describe broken behaviour.
_BUG_WORDS = frozenset(
    {"bug", "broken", "crash", "wrong", "incorrect", "regression", "fail", "failure", "typo"}
    | {"vulnerability", "compatibility", "compatible", "error", "exception", "leak", "robust"}
    | {"correct", "correctly", "properly"}  # "use the correct scheme": it is wrong now
)
_REFACTOR = frozenset(
    {"refactor", "restructure", "extract", "rename", "move", "clean", "cleanup", "simplify"}
    | {"split", "consolidate", "deduplicate", "reorganize", "reorganise", "decouple", "migrate"}
    | {"replace", "use", "switch", "unify", "inline", "drop"}
)
_CREATE = frozenset({"add", "create", "implement", "support", "introduce", "build", "provide"})
_ENHANCE = frozenset(
    {"improve", "extend", "enable", "change", "expose", "speed", "optimise", "optimize"}
    | {"upgrade", "update", "bump", "allow", "let", "make", "persist", "enforce", "return"}
)
#: Words asking for something to be better without saying in what way ("faster", "more
#: secure", "optimize" say in what way; these do not).
_UNSAID = frozenset({"improve", "enhance", "better", "best", "good", "great", "nice", "nicer"})
_UNSAID |= frozenset({"polish", "revamp", "rework", "overhaul", "tweak"})
#: Words that make a request about a part of a resource, not a resource of its own.
PARTS = frozenset(
    {"field", "column", "attribute", "property", "parameter", "param", "option", "flag"}
    | {"argument", "header", "setting", "config", "configuration", "env", "variable"}
)
#: Nouns that say a new entry point is wanted on an existing resource, not a new resource.
_ENTRY = frozenset({"endpoint", "route", "api", "interface", "handler", "view"})
#: Component kinds a request can be about instead of an API resource, by the words naming them.
COMPONENTS = {
    "configuration": frozenset({"config", "configuration", "setting", "env", "environment"}),
    "client": frozenset({"client", "sdk", "provider", "integration", "webhook"}),
    "service": frozenset({"service", "worker", "job", "task", "scheduler", "background"}),
    "scanner": frozenset({"scanner", "scan", "crawler", "parser", "loader", "indexer"}),
    "middleware": frozenset({"middleware", "cors", "cache", "logging", "logger", "telemetry"}),
    "auth": frozenset({"auth", "authentication", "authorization", "permission", "login"})
    | frozenset({"oauth", "jwt", "token", "security", "session"}),
    "dependencies": frozenset({"dependency", "library", "package", "version", "upgrade"}),
}
#: Words that describe an operation or a quality, never the resource a request is about.
GENERIC = frozenset(
    {"crud", "list", "get", "read", "delete", "remove", "edit", "change", "return", "filter"}
    | {"sort", "page", "pagination", "paginate", "search", "validation", "validate", "error"}
    | {"handling", "management", "manage", "resource", "model", "schema", "service", "test"}
    | {"route", "router", "endpoint", "id", "field", "response", "request", "option", "unknown"}
    | {"invalid", "missing", "duplicate", "empty", "same", "other", "older", "newer", "first"}
    | {"last", "support", "functionality", "logic", "code", "way", "issue", "problem", "case"}
    | {"mode", "value", "data", "thing", "call", "user-defined", "level", "type", "version"}
    | {"check", "api", "interface", "handler", "view", "operation", "implementation"}
)
#: Prepositions after which a noun is the thing changed ("fields *to* cases").
_TARGET_MARKERS = frozenset({"to", "in", "into", "on", "for", "of", "from", "at", "inside"})
#: Words opening a clause that says when or under what condition: what it names is where the
#: change happens, not what is made ("add a waitlist *when* a booking is full").
_CLAUSES = frozenset({"when", "whenever", "if", "once", "unless", "until", "while"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "their", "its", "our", "my", "some"})
#: Verbs (lemmas) that name who may act next: "let *users* filter", "allow *admins* to delete".
_ENABLERS = frozenset({"let", "allow", "enable", "permit", "help"})
#: Who may act in a request, as the lexicon lemmatises them.
_PEOPLE = frozenset(
    {"user", "admin", "administrator", "customer", "client", "member", "visitor", "guest"}
    | {"owner", "editor", "author", "moderator", "staff", "employee", "developer", "operator"}
    | {"seller", "buyer", "student", "teacher", "people", "person", "anyone", "everyone"}
    | {"subscriber", "viewer", "reader", "manager", "agent", "reviewer", "patient", "doctor"}
    | {"team", "organization", "tenant", "superuser", "moderator", "participant", "player"}
)
#: Verbs after an actor that make it the owner of what follows, not a bystander.
_OWNING = frozenset({"be", "have", "own", "get"})
_NEGATIONS = frozenset({"don't", "dont", "do not", "never", "don\u2019t"})


class Target(BaseModel):
    """A resource the request names: its singular term, role and whether the project has it."""

    model_config = ConfigDict(frozen=True)

    term: str
    role: str  # "object" (of the action) | "target" (after to/in/of ...) | "subject" | "actor"
    exists: bool


class FeatureRequest(BaseModel):
    """What a free-text request asks for, decided from its words and the project's names."""

    model_config = ConfigDict(frozen=True)

    text: str  # whitespace collapsed to single spaces, backticks escaped: prose quotes it
    title: str
    slug: str
    terms: tuple[str, ...]  # content terms for ranking, in request order
    identifiers: tuple[str, ...]  # words written as code (``ServerService``), joined, singular
    code_words: tuple[str, ...]  # the same words as written, to find where code uses them
    action: str | None  # lemma of the leading verb
    kind: str  # "New Capability" | "Enhancement" | "Refactor" | "Bug Fix"
    kind_reason: str
    resource: str  # singular term naming what the feature is about
    related: tuple[str, ...]  # existing resources the request names, the main one first
    targets: tuple[Target, ...]
    attributes: tuple[str, ...]  # fields, columns, options the request names
    qualifiers: tuple[str, ...]  # adjectives and adverbs: what kind, never what
    component: str | None  # a COMPONENTS kind when the request is about one
    creates: str | None  # the new resource the request creates (New Capability with files)
    new_entry: bool  # a new endpoint on something that exists ("add a search endpoint")
    unclear: str | None  # what the request leaves unsaid, when it says no change at all
    matched: float  # share of the request's content words that name something in the project


@dataclass(frozen=True)
class _Token:
    text: str  # as written
    word: str  # lower case, possessive dropped
    index: int

    @property
    def identifier(self) -> bool:
        """Shaped like code (``created_at``, ``getJobPlans``, ``A2A``, ``well-known``)."""
        body = self.text.rstrip("s") if self.text[:-1].isupper() else self.text
        inner_caps = any(c.isupper() for c in body[1:])
        return inner_caps or any(c in self.text for c in "_.-") or _mixed_digits(self.text)

    @property
    def joined(self) -> str:
        """The compound as one word: ``well-known`` -> ``wellknown``, ``IDs`` -> ``id``."""
        text = self.word
        if self.text[:-1].isupper() and self.text.endswith("s") and len(self.text) > 2:
            text = text[:-1]
        return re.sub(r"[-_.]", "", text)


def _mixed_digits(text: str) -> bool:
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


class Vocabulary:
    """The project's names, as words (``server``) and as joined identifiers (``wellknown``)."""

    def __init__(self, resources: Iterable[str], names: Iterable[str] = ()) -> None:
        self.resources = {r for r in resources if r}
        self.words: set[str] = set(self.resources)
        self.joined: set[str] = set(self.resources)
        for name in names:
            parts = split_identifier(name)
            self.words.update(singular(p) for p in parts if len(p) > 1)
            if parts:
                self.joined.add(singular("".join(parts)))

    def names(self, term: str) -> bool:
        return term in self.words or term in self.joined


def understand(text: str, resources: Iterable[str], names: Iterable[str] = ()) -> FeatureRequest:
    """Read ``text`` against the project's existing ``resources`` (singular terms) and the
    other ``names`` it has (modules, classes, fields, route paths, doc headings)."""
    flat = " ".join(text.split())
    if not flat:
        raise PlanError("the feature request is empty")
    words = _WORD.findall(flat)
    if not words:
        raise PlanError("the feature request has no words in it")
    vocabulary = Vocabulary(resources, names)
    return _Reading(flat, words, vocabulary).request()


class _Reading:
    """One pass over the request's tokens, deciding each one's role."""

    def __init__(self, flat: str, words: list[str], vocabulary: Vocabulary) -> None:
        self.flat = flat
        self.words = words
        self.vocabulary = vocabulary
        self.tokens = _tokens(flat)
        self.action, self.action_at = self._action()
        self.compounds: dict[int, str] = {}

    # -- the words ----------------------------------------------------------------------

    def _action(self) -> tuple[str | None, int]:
        """The first verb of the imperative: ``Disallow creating ...`` -> disallow."""
        actions = _BUG | _REFACTOR | _CREATE | _ENHANCE
        for position, token in enumerate(self.tokens[:3]):
            if token.word in _NEGATIONS:
                return "prevent", token.index
            if token.word in actions:  # "refactor" is not in the lexicon
                return token.word, token.index
            pos = parts_of_speech(token.word)
            verb = lemma(token.word, "VERB") if "VERB" in pos else None
            # an imperative opens with its verb: "Handle ...", "Log out ...", "Serve ..."
            if verb is not None and (verb in actions or position == 0 or "NOUN" not in pos):
                return verb, token.index
            if token.word not in STOPWORDS and pos != {"ADV"}:  # "Gracefully reject ..."
                break
        return None, -1

    def _term(self, token: _Token) -> str:
        if token.identifier:
            return singular(token.joined)
        if "NOUN" in parts_of_speech(token.word):
            return lemma(token.word, "NOUN")
        return singular(token.word)

    def _names_project(self, token: _Token) -> bool:
        term = self._term(token)
        if self.vocabulary.names(term) or self.vocabulary.names(token.joined):
            return True
        # "deleting" names what ``delete_agent`` does
        if "VERB" in parts_of_speech(token.word) and self.vocabulary.names(
            lemma(token.word, "VERB")
        ):
            return True
        return token.identifier and all(
            self.vocabulary.names(singular(p)) for p in split_identifier(token.text)
        )

    def _is_noun(self, position: int) -> bool:
        """A word that can name a thing here: a noun not used as a modifier of the next noun
        (``current user``, ``live status``), or a name the lexicon does not know (``A2A``)."""
        token = self.tokens[position]
        if token.word in STOPWORDS or token.word in _TARGET_MARKERS or token.word.isdigit():
            return False
        if token.identifier:
            return True
        pos = parts_of_speech(token.word)
        if not pos:
            return self._names_project(token) or token.text[:1].isupper()
        if only_not_noun(token.word):
            return False
        if "ADJ" in pos and not self._names_project(token):
            following = self.tokens[position + 1] if position + 1 < len(self.tokens) else None
            if following is not None and can_be_noun(following.word):
                return False
        return True

    def _compounds(self) -> dict[int, str]:
        """Two words the project writes as one identifier: ``log out`` -> ``logout``."""
        found: dict[int, str] = {}
        for left, right in zip(self.tokens, self.tokens[1:], strict=False):
            joined = singular(left.joined + right.joined)
            if self.vocabulary.names(joined) and joined not in self.vocabulary.resources | {""}:
                found[left.index] = joined
                found[right.index] = joined
        return found

    # -- the decision --------------------------------------------------------------------

    def request(self) -> FeatureRequest:
        compounds = self.compounds = self._compounds()
        nouns: list[tuple[int, str]] = []
        qualifiers: list[str] = []
        content: list[str] = []
        matched = 0
        for position, token in enumerate(self.tokens):
            if token.index == self.action_at or token.word in STOPWORDS:
                continue
            if token.word in _TARGET_MARKERS or token.word.isdigit() or len(token.word) < 2:
                continue
            own = self._term(token)
            if token.index in compounds and own not in self.vocabulary.resources:
                term = compounds[token.index]
                if not nouns or nouns[-1][1] != term:
                    nouns.append((position, term))
                    content.append(term)
                    matched += 1
                continue
            if token.identifier and self._term(token) not in self.vocabulary.resources:
                # "list-projects": the resources among its parts stand for the whole
                parts = [singular(p) for p in split_identifier(token.text)]
                known = [p for p in parts if p in self.vocabulary.resources]
                if not known and not self._names_project(token):
                    known = [p for p in parts if self.vocabulary.names(p) and p not in GENERIC]
                if known and "_" not in token.text:
                    nouns += [(position, p) for p in known]
                    content.append(known[0])
                    matched += 1
                    continue
            named = self._names_project(token)
            content.append(self._term(token))
            matched += named
            if self._is_noun(position) and len(token.word) <= _MAX_NAME:
                nouns.append((position, self._term(token)))
            elif not is_known(token.word) or parts_of_speech(token.word) & {"ADJ", "ADV"}:
                qualifiers.append(token.word)
        return self._decide(nouns, qualifiers, content, matched)

    def _role(self, position: int) -> str:
        if self._actor(position):
            return "actor"
        before = [t.word for t in self.tokens[:position]]
        if any(w in _TARGET_MARKERS | _CLAUSES for w in before[max(0, self.action_at) :]):
            return "target"
        return "object" if self.action is not None else "subject"

    def _actor(self, position: int) -> bool:
        """Whether the noun at ``position`` names who acts, not what changes: after "let",
        "allow", "enable", "permit", "help" or "for" (and determiners or adjectives), before
        a verb, "to" and a verb for all but "let": "let the current *user* change ...",
        "allow *admins* to delete ...", "a way for *users* to export ..."."""
        following = position + 1
        if following < len(self.tokens) and self._noun_before(position, following):
            # "let *platform* staff export ...": the compound names who acts
            return self._acts(following) or self._acts(position)
        return self._acts(position)

    def _acts(self, position: int) -> bool:
        before = position - 1
        while before >= 0 and (
            self._modifier(self.tokens[before].word) or self._noun_before(before, position)
        ):
            before -= 1
        opener = self.tokens[before].word if before >= 0 else ""
        verb = lemma(opener, "VERB") if "VERB" in parts_of_speech(opener) else opener
        if verb not in _ENABLERS and opener != "for":
            return False
        if self._term(self.tokens[position]) not in _PEOPLE:
            return False  # "let invoices reference payments": no one acts
        after = [t.word for t in self.tokens[position + 1 : position + 3]]
        if after[:1] == ["to"] and verb != "let":
            after = after[1:]
        elif verb not in ("let", "help") or opener == "for":
            return False
        following = after[0] if after else ""
        if "VERB" not in parts_of_speech(following):
            return False
        return lemma(following, "VERB") not in _OWNING

    def _noun_before(self, at: int, position: int) -> bool:
        """The word at ``at`` modifies the noun at ``position`` as the first of a two-noun
        compound ("platform staff"): a noun right before it, not a verb opening the request."""
        word = self.tokens[at].word
        return (
            at == position - 1
            and at != self.action_at
            and word not in _TARGET_MARKERS | STOPWORDS
            and can_be_noun(word)
            and lemma(word, "VERB") not in _ENABLERS
        )

    @staticmethod
    def _modifier(word: str) -> bool:
        """A determiner or an adjective that is no noun ("the", "current", "other")."""
        if word in _DETERMINERS or word in {"all", "other", "every", "each"}:
            return True
        pos = parts_of_speech(word)
        return "ADJ" in pos and not pos & {"NOUN", "VERB"}

    def _decide(
        self, nouns: list[tuple[int, str]], qualifiers: list[str], content: list[str], matched: int
    ) -> FeatureRequest:
        vocabulary = self.vocabulary
        lowered = {t.word for t in self.tokens} | {self._term(t) for t in self.tokens}
        parts = sorted(lowered & PARTS)
        targets = []
        attributes = []
        # "Add labels and owners fields to ...": what the part word's phrase lists are fields
        object_parts = any(t in PARTS and self._role(p) == "object" for p, t in nouns)
        for position, term in nouns:
            role = self._role(position)
            token = self.tokens[position]
            listed = object_parts and role == "object" and term not in PARTS
            if listed or ("_" in token.text and term not in vocabulary.resources):
                attributes.append(token.word if token.identifier else term)
                continue
            if term in GENERIC or term in PARTS:
                continue
            targets.append(Target(term=term, role=role, exists=term in vocabulary.resources))
        firsts: dict[str, Target] = {}
        for target in targets:  # first mention's place; an actor only if every mention is
            kept = firsts.get(target.term)
            if kept is None or (kept.role == "actor" and target.role != "actor"):
                firsts[target.term] = replace_role(kept, target)
        targets = list(firsts.values())
        component = _component(lowered, self.action)
        creates = self._creates(nouns, targets, component, bool(parts))
        known = [t for t in targets if t.exists]
        # who acts is context, not what changes, unless nothing else the project has is named
        known = [t for t in known if t.role != "actor"] or known
        # an object that exists is what changes ("an item of another user"); a part, field
        # or new thing is changed *on* what follows "to"/"of"
        plain = [(p, t) for p, t in nouns if not self.tokens[p].identifier]
        ordered = _heads_first(known, _modified(plain))
        related = tuple(t.term for t in (_by_role(ordered) if parts or attributes else ordered))
        if creates is not None:
            resource = creates
        elif related:
            resource = related[0]
        else:
            named = [t.term for t in _by_role(targets) if vocabulary.names(t.term)]
            resource = (named or [t.term for t in targets] or attributes or ["feature"])[0]
        # the new resource's name is meant to name nothing yet
        asked = [c for c in content if c != creates]
        share = min(1.0, matched / len(asked)) if asked else float(creates is not None)
        if not matched and creates is None:
            raise PlanError(_nothing_matches(self.flat, vocabulary))
        kind, reason = self._kind(lowered, creates, related, component, parts, attributes)
        terms = _terms(self.tokens, self.action_at, self.compounds)
        return FeatureRequest(
            # ``fix`py`` quoted in a line of code spans must not pair with theirs
            text=self.flat.replace("`", "\\`"),
            title=_title(self.words),
            slug=_slug(self.flat),
            terms=terms,
            identifiers=tuple(
                dict.fromkeys(singular(t.joined) for t in self.tokens if t.identifier)
            ),
            code_words=tuple(
                dict.fromkeys(
                    t.text for t in self.tokens if t.identifier and len(t.text) >= _MIN_CODE
                )
            ),
            action=self.action,
            kind=kind,
            kind_reason=reason,
            resource=resource,
            related=related,
            targets=tuple(targets),
            attributes=tuple(dict.fromkeys(attributes)),
            qualifiers=tuple(dict.fromkeys(qualifiers)),
            component=component,
            creates=creates,
            new_entry=kind == "New Capability" and creates is None,
            unclear=self._unclear(terms, related, attributes, qualifiers),
            matched=round(share, 3),
        )

    def _unclear(
        self,
        terms: tuple[str, ...],
        related: tuple[str, ...],
        attributes: list[str],
        qualifiers: list[str],
    ) -> str | None:
        """What a request asking only that something be better leaves unsaid ("Make the feed
        better", "Improve order handling"): its words name what the project has, an activity
        on it (-ing) and the wish, no field, no quality, no behaviour. None when it says more."""
        wished = {self.action} | set(terms)
        if not wished & _UNSAID or attributes or qualifiers:
            return None
        activity = {
            form
            for token in self.tokens
            if token.word.endswith("ing")
            for form in (singular(token.word), lemma(token.word, "VERB"))
        }
        named = {t for t in terms if t in self.vocabulary.resources or self.vocabulary.names(t)}
        if set(terms) - set(related) - named - _UNSAID - activity:
            return None
        unsaid = " ".join(
            t.word
            for t in self.tokens
            if t.index != self.action_at and t.word not in STOPWORDS | _UNSAID
        )
        return f"it asks for {unsaid or 'it'} to be better without saying what should change"

    def _creates(
        self,
        nouns: list[tuple[int, str]],
        targets: list[Target],
        component: str | None,
        has_parts: bool,
    ) -> str | None:
        """A creation verb's object that names nothing in the project and is a thing of its own
        (not a field, a setting or an endpoint on something that exists)."""
        if self.action not in _CREATE or has_parts or component == "configuration":
            return None
        phrase = [(p, t) for p, t in nouns if self._role(p) == "object"]
        if not phrase or any(t in _ENTRY for _, t in phrase):
            return None
        if self._activity(phrase[-1][0]):
            return None
        head = [t for _, t in phrase if t not in GENERIC]
        if not head or self.vocabulary.names(head[-1]) or head[-1] in self.vocabulary.resources:
            return None
        first = next(t for t in targets if t.term in head) if targets else None
        if first is None or first.exists:
            return None
        token = next(self.tokens[p] for p, t in phrase if t == first.term)
        # an unknown lower-case word ("asdf") is not a name anyone chose for a resource
        if not is_known(token.word) and not token.identifier and not token.text[:1].isupper():
            return None
        return first.term

    def _activity(self, position: int) -> bool:
        """The noun at ``position`` is what an activity acts on ("rate limiting", "request
        logging", "response caching"): the next word is a verb's -ing form the lexicon knows
        as no noun. The request adds that activity to what exists, not a resource of its own."""
        following = self.tokens[position + 1] if position + 1 < len(self.tokens) else None
        if following is None or not following.word.endswith("ing"):
            return False
        return "VERB" in parts_of_speech(following.word) and not can_be_noun(following.word)

    def _kind(
        self,
        lowered: set[str],
        creates: str | None,
        related: tuple[str, ...],
        component: str | None,
        parts: list[str],
        attributes: list[str],
    ) -> tuple[str, str]:
        action = self.action
        if action in _BUG:
            return "Bug Fix", f'the request says "{action}"'
        if bug := sorted(lowered & _BUG_WORDS):
            return "Bug Fix", f"the request says {_quoted(bug)}"
        if re.search(r"\binstead of\b", self.flat, re.IGNORECASE) and action == "return":
            return "Bug Fix", 'the request says what to return "instead of" what it returns now'
        if action in _REFACTOR:
            return "Refactor", f'the request says "{action}"'
        if creates is not None:
            return "New Capability", f'"{creates}" names nothing in the project yet'
        entry = any(
            self._role(p) == "object" and t.word in _ENTRY for p, t in enumerate(self.tokens)
        )
        new_entry = action in _CREATE and entry and not parts
        if new_entry and not attributes:
            return "New Capability", f'it adds a new entry point ("{action}" ... endpoint)'
        if parts or attributes:
            what = (parts or attributes)[0]
            where = f'the existing "{related[0]}" resource' if related else "what exists"
            return "Enhancement", f"it adds or changes a {what} of {where}"
        if related:
            return "Enhancement", f'it changes the existing "{related[0]}" resource'
        if component is not None:
            return "Enhancement", f"it changes the project's {component}"
        return "Enhancement", "it changes what the project already has"


def replace_role(kept: Target | None, mention: Target) -> Target:
    """A term's target: its first mention, with a later mention's role where the first was
    only who acts ("let *users* list *users* by role": users are listed too)."""
    return mention if kept is None else kept.model_copy(update={"role": mention.role})


def _tokens(flat: str) -> list[_Token]:
    found = []
    for index, match in enumerate(_TOKEN.finditer(flat)):
        text = match.group(0).rstrip(".-_")
        text = re.sub(r"['\u2019]s$", "", text)
        found.append(_Token(text=text, word=text.lower(), index=index))
    # "don't" comes out as "don" + "t" from the token pattern: read it as one negation
    kept = [t for t in found if t.word != "t"]
    return [
        _Token(text="don't", word="don't", index=i)
        if t.word in {"don", "dont"}
        else replace(t, index=i)
        for i, t in enumerate(kept)
    ]


def _terms(tokens: list[_Token], action_at: int, compounds: dict[int, str]) -> tuple[str, ...]:
    """Words to rank files by: nouns as lemmas, verbs as their lemma and written form,
    identifiers whole and in parts, compounds joined; no stop words, no action verb."""
    seen: dict[str, None] = {}
    for token in tokens:
        if token.index in compounds:
            seen.setdefault(compounds[token.index], None)
        if token.index == action_at or token.word in STOPWORDS or token.word in _TARGET_MARKERS:
            continue
        forms = [singular(p) for p in split_identifier(token.text)]
        if token.identifier:
            forms.insert(0, singular(token.joined))
        pos = parts_of_speech(token.word)
        if "NOUN" in pos:
            forms.append(lemma(token.word, "NOUN"))
        if "VERB" in pos:
            forms.append(lemma(token.word, "VERB"))
        for form in forms:
            if len(form) > 1 and form not in STOPWORDS and not form.isdigit():
                seen.setdefault(form, None)
    return tuple(seen)


def _modified(nouns: list[tuple[int, str]]) -> dict[str, str]:
    """Each word written right before another, as in "classroom booking", and that other
    one: English puts the head of such a compound last."""
    at = dict(nouns)
    return {term: at[p + 1] for p, term in nouns if at.get(p + 1, term) != term}


def _heads_first(targets: list[Target], modified: dict[str, str]) -> list[Target]:
    """The targets with a compound's head before the nouns modifying it: a "classroom
    booking" is a booking."""
    terms = {t.term for t in targets}
    ordered: list[Target] = []
    for target in targets:
        if modified.get(target.term) not in terms and target not in ordered:
            ordered.append(target)
            ordered += [t for t in targets if modified.get(t.term) == target.term]
    return ordered + [t for t in targets if t not in ordered]


def _by_role(targets: list[Target]) -> list[Target]:
    return sorted(targets, key=lambda t: t.role != "target")


def _component(words: set[str], action: str | None) -> str | None:
    if action in {"upgrade", "bump"}:
        return "dependencies"
    for kind, names in COMPONENTS.items():
        if words & names:
            return kind
    return None


def _nothing_matches(text: str, vocabulary: Vocabulary) -> str:
    # two-letter names ("na", "ui") are close to everything and tell the reader nothing
    resources = sorted(r for r in vocabulary.resources if len(r) > 2)
    close: list[str] = []
    for word in _WORD.findall(text.lower()):
        close += difflib.get_close_matches(singular(word), resources, n=_CLOSEST, cutoff=0.6)
    shown = list(dict.fromkeys(close)) or resources
    listed = ", ".join(shown[:_CLOSEST]) or "none (the project names no resources)"
    return f"the request names nothing in the project; closest existing resources: {listed}"


def _quoted(words: Iterable[str]) -> str:
    return ", ".join(f'"{w}"' for w in words)


def _title(words: list[str]) -> str:
    title = " ".join(words[:_MAX_TITLE_WORDS])
    if len(title) > _MAX_TITLE:
        title = title[: _MAX_TITLE - 4].rstrip()
    if title != " ".join(words):
        title += " ..."
    return title[:1].upper() + title[1:]


def _slug(text: str) -> str:
    """Kebab case from the ASCII words, bounded; a request with none gets a stable hash name."""
    slug = ""
    for word in _ASCII_WORD.findall(text):
        candidate = f"{slug}-{word.lower()}" if slug else word.lower()
        if len(candidate) > _MAX_SLUG:
            break
        slug = candidate
    if not slug:
        slug = "feature-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    return slug
