"""What each YAML file may contain: keys, kinds, meanings and the fixed vocabularies.

The vocabularies map a stored value to the Vietnamese label the site shows.
"""

from __future__ import annotations

import dataclasses

from ..addresses import PAGED_PATTERN, PATH_WORDS
from ..i18n import N_, _
from . import model as m
from .schema_kinds import Enum, Field, List, Obj, Ref, Text, wrong
from .value_kinds import Date, Email, Id, Int, Label, Line, Number, SourceFile, Url

PLACE_LEVELS = {
    "xa": "Cấp xã (xã, phường, thị trấn)",
    "huyen": "Cấp huyện (huyện, quận, thị xã, thành phố thuộc tỉnh)",
    "tinh": "Cấp tỉnh (tỉnh, thành phố trực thuộc trung ương)",
    "trung-uong": "Trung ương",
}
AGENCY_KINDS = {
    "state": "Cơ quan nhà nước",
    "party": "Tổ chức Đảng",
    "front": "Mặt trận Tổ quốc và tổ chức chính trị - xã hội",
    "armed-forces": "Lực lượng vũ trang",
    "public-service": "Đơn vị sự nghiệp công lập",
    "group": "Nhóm cơ quan, đơn vị",
}
DOCUMENT_TYPES = {
    "luat": "Luật",
    "nghi-quyet": "Nghị quyết",
    "nghi-dinh": "Nghị định",
    "quyet-dinh": "Quyết định",
    "quy-dinh": "Quy định",
    "chi-thi": "Chỉ thị",
    "thong-tu": "Thông tư",
    "ke-hoach": "Kế hoạch",
    "chuong-trinh": "Chương trình",
    "cong-van": "Công văn",
}
# Directed relations read "this document <label> the target".
RELATION_TYPES = {
    "can-cu": "Căn cứ / thực hiện",
    "sua-doi": "Sửa đổi, bổ sung",
    "thay-the": "Thay thế",
    "huong-dan": "Hướng dẫn",
    "cung-ban-hanh": "Cùng ban hành với",
}
# The inverse wording, shown on the target's page.
RELATION_INVERSE = {
    "can-cu": "Được căn cứ / thực hiện bởi",
    "sua-doi": "Được sửa đổi, bổ sung bởi",
    "thay-the": "Bị thay thế bởi",
    "huong-dan": "Được hướng dẫn bởi",
    "cung-ban-hanh": "Cùng ban hành với",
}
SYMMETRIC_RELATIONS = {"cung-ban-hanh"}
DOCUMENT_STATUSES = {
    "con-hieu-luc": "Còn hiệu lực",
    "het-hieu-luc-mot-phan": "Hết hiệu lực một phần",
    "het-hieu-luc": "Hết hiệu lực toàn bộ",
    "chua-co-hieu-luc": "Chưa có hiệu lực",
}
TIMING_KINDS = {
    "ongoing": "Thường xuyên",
    "on-directive": "Khi có chỉ đạo",
    "period": "Trong giai đoạn",
    "from-year": "Từ năm",
    "periodic": "Định kỳ",
    "periodic-and-on-demand": "Định kỳ và đột xuất",
    "deadline": "Hạn hoàn thành",
}
# A plan's life (plans/<plan>.yaml `life.status`).
PLAN_STATUSES = {"in-force": "Đang thực hiện", "ended": "Đã kết thúc", "replaced": "Đã được thay thế"}
# How often a periodic task recurs.
EVERY = {"hang-thang": "Hằng tháng", "hang-quy": "Hằng quý", "6-thang": "06 tháng", "hang-nam": "Hằng năm"}
FORM_KINDS = {
    "van-ban": "Ban hành văn bản triển khai",
    "hoi-nghi": "Hội nghị quán triệt",
    "tap-huan": "Tập huấn, bồi dưỡng",
    "toa-dam": "Tọa đàm",
    "mang-xa-hoi": "Mạng xã hội (Zalo, Facebook…)",
    "trang-thong-tin": "Trang thông tin điện tử",
    "sinh-hoat-giao-ban": "Lồng ghép sinh hoạt chi bộ, họp giao ban",
    "truc-tiep": "Tuyên truyền trực tiếp",
    "truc-tuyen": "Tuyên truyền trực tuyến",
    "khac": "Hình thức khác phù hợp",
}
FREQUENCIES = {
    "hang-thang": "hằng tháng",
    "hang-quy": "hằng quý",
    "6-thang": "06 tháng",
    "hang-nam": "01 năm (hằng năm)",
}

# Words the site uses in its own addresses (the address book); no id may be one, nor trang-2, trang-3 ….
_id = Id(PATH_WORDS, PAGED_PATTERN)

SUMMARY_LIMIT = 300  # characters of a task's plain summary: one or two sentences on a phone screen

_note = Field(
    Text(), "Editor's note (for example a correction of a slip in the source); shown apart from the source text."
)

PLACES_FILE = Obj(
    m.PlaceRegistry,
    {
        "places": Field(
            List(
                Obj(
                    m.Place,
                    {
                        "id": Field(_id, "Stable id of the place, e.g. 'ke-sat', 'hai-phong'.", required=True),
                        "name": Field(
                            Line(), "Name as written, e.g. 'xã Kẻ Sặt', 'thành phố Hải Phòng'.", required=True
                        ),
                        "level": Field(Enum(PLACE_LEVELS), "Level: {choices}.", required=True),
                        "parent": Field(
                            Ref("place"), "Id of the place this one lies in; empty only for the nation (trung ương)."
                        ),
                    },
                )
            ),
            "Every place whose bodies the plans name, each under its parent.",
            required=True,
        ),
    },
)

AGENCY = Obj(
    m.Agency,
    {
        "id": Field(_id, "Stable id; the agency's address is /co-quan/<id>/.", required=True),
        "name": Field(Line(), "Full name as the site shows it.", required=True),
        "kind": Field(Enum(AGENCY_KINDS), "Kind of body: {choices}.", required=True),
        "place": Field(
            Ref("place"),
            "Id of the place the body belongs to (places.yaml); names in a plan resolve "
            "first among the bodies of the plan's own place, then its parent places.",
            required=True,
        ),
        "aliases": Field(
            List(Line()),
            "Other spellings under which texts name this agency; mentions are linked. "
            "Unique within one place; bodies of different places may share one ('Sở Nội vụ').",
        ),
        "members": Field(List(Ref("agency")), "For a group: ids of the agencies known to belong to it."),
        "known_members": Field(
            List(
                Obj(
                    m.KnownMember,
                    {
                        "name": Field(Line(), "Name of the member body as the source writes it.", required=True),
                        "source": Field(
                            Ref("legal"),
                            "Id of the legal document (legal.yaml) that lists this body as a member of "
                            "the group: never a guess.",
                            required=True,
                        ),
                        "aliases": Field(List(Line()), "Other names readers use for it (short forms)."),
                    },
                )
            ),
            "For a group: bodies it holds that no plan names alone, each with the document that lists it; "
            "their names find the group's page and tasks in search.",
        ),
        "parent": Field(Ref("agency"), "Id of the body this one belongs to, where the source says so."),
        "address": Field(Line(), "Postal address, only from an official source; empty otherwise."),
        "phone": Field(Line(), "Phone number, only from an official source; empty otherwise."),
        "email": Field(Email(), "E-mail address, only from an official source; empty otherwise."),
        "website": Field(Url(), "Official website (https://…), only from an official source; empty otherwise."),
        "note": _note,
    },
)
AGENCIES_FILE = Obj(
    m.AgencyRegistry,
    {
        "agencies": Field(List(AGENCY), "Every body and group that plans name.", required=True),
    },
)

RELATION = Obj(
    m.Relation,
    {
        "type": Field(Enum(RELATION_TYPES), "Kind of relation: {choices}.", required=True),
        "target": Field(Ref("legal"), "Id of the other document.", required=True),
        "note": _note,
    },
)
DOCUMENT = Obj(
    m.LegalDocument,
    {
        "id": Field(_id, "Stable id; the document's address is /van-ban/<id>/.", required=True),
        "type": Field(Enum(DOCUMENT_TYPES), "Document type (loại văn bản): {choices}.", required=True),
        "title": Field(
            Line(), "Title (trích yếu) or name, as the source or the official record gives it.", required=True
        ),
        "number": Field(Line(), "Number/symbol (số ký hiệu) in its official form, e.g. 33/CT-TTg; empty when unknown."),
        "issued_on": Field(Date(), "Date of issue (ngày ban hành), yyyy-mm-dd; empty when unknown."),
        "issuers": Field(List(Ref("agency")), "Ids of the issuing bodies (cơ quan ban hành)."),
        "signer": Field(Line(), "Who signed it (người ký); empty when unknown."),
        "status": Field(Enum(DOCUMENT_STATUSES), "Legal status (tình trạng hiệu lực): {choices}; empty when unknown."),
        "status_source": Field(
            Line(),
            "Where the status was looked up: the official database or the later document "
            "that says so (e.g. 'Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn)'); empty when "
            "the status is unknown.",
        ),
        "status_checked_on": Field(Date(), "The date the status was looked up, yyyy-mm-dd."),
        "url": Field(
            Url(),
            "Link to the official text on a government portal or gazette (vbpl.vn, congbao.chinhphu.vn, "
            "the issuer's portal), copied from that page, never guessed from a pattern; empty when unknown.",
        ),
        "aliases": Field(List(Line()), "Other ways texts write this document (number variants, short names); linked."),
        "relations": Field(List(RELATION), "Relations to other documents in legal.yaml."),
        "source": Field(Text(), "Where the facts above come from."),
        "note": _note,
    },
)
LEGAL_FILE = Obj(
    m.LegalRegistry,
    {
        "documents": Field(List(DOCUMENT), "Every document that plans and tasks cite.", required=True),
    },
)

ASSIGNMENT = Obj(
    m.Assignment,
    {
        "text": Field(Text(), "The source's wording after the label, word for word."),
        "agencies": Field(List(Ref("agency")), "Ids of the agencies the wording names, in its order."),
    },
)
TASK = Obj(
    m.Task,
    {
        "id": Field(_id, "Stable id; the task's address is /ke-hoach/<plan>/nhiem-vu/<id>/.", required=True),
        "label": Field(
            Label(),
            "The task's letter in its section (a, b, c); empty for a dash item. Several dash "
            "tasks in one section are numbered '1 (gạch đầu dòng 2)'.",
        ),
        "text": Field(Text(), "The task's text, word for word.", required=True),
        "details": Field(List(Text()), "Further paragraphs of the task (the source's '-' lines), word for word."),
        "lead": Field(ASSIGNMENT, "Cơ quan thực hiện / chủ trì: who carries the task out."),
        "coordinating": Field(ASSIGNMENT, "Cơ quan phối hợp: who coordinates."),
        "forms": Field(
            Obj(
                m.Forms,
                {
                    "text": Field(Text(), "The source's wording after 'Hình thức:', word for word.", required=True),
                    "kinds": Field(List(Enum(FORM_KINDS)), "Forms named by the wording: {choices}."),
                },
            ),
            "Hình thức: forms of outreach.",
        ),
        "timing": Field(
            Obj(
                m.Timing,
                {
                    "kind": Field(Enum(TIMING_KINDS), "Kind of timing: {choices}.", required=True),
                    "text": Field(
                        Text(), "The source's wording after 'Thời gian thực hiện:', word for word.", required=True
                    ),
                    "start_year": Field(Int(), "First year, where the wording gives one."),
                    "end_year": Field(Int(), "Last year, where the wording gives one."),
                    "every": Field(Enum(EVERY), "For periodic timing: how often, {choices}."),
                    "due": Field(Date(), "For a deadline: the date the wording gives, yyyy-mm-dd."),
                },
            ),
            "Thời gian thực hiện: when the task is done.",
        ),
        "cites": Field(List(Ref("legal")), "Ids of the legal documents the task's text cites."),
        "summary": Field(
            Text(),
            "Editors' plain summary for citizens (Tóm tắt dễ hiểu): one or two sentences, at most "
            "{limit} characters, faithful to the text; shown apart from the signed text.",
            params=(("limit", SUMMARY_LIMIT),),
        ),
        "note": _note,
    },
)
SECTION = Obj(
    m.Section,
    {
        "number": Field(Line(), "The section's number in II (1, 2, 3 …).", required=True),
        "heading": Field(Text(), "The section's heading, word for word; empty when the heading is the task itself."),
        "note": Field(Text(), "A line of the source under the heading, e.g. '(Có Phụ lục chi tiết kèm theo)'."),
        "tasks": Field(List(TASK), "The section's tasks, in order."),
    },
)
DUTY = Obj(
    m.Duty,
    {
        "text": Field(Text(), "The duty, word for word.", required=True),
        "reports_to": Field(List(Ref("agency")), "For a reporting duty: ids of the bodies reported to."),
        "frequency": Field(List(Enum(FREQUENCIES)), "For a reporting duty: {choices}."),
        "deadline_days": Field(
            Number(0, 366, integer=True, expected=N_("a number of days")),
            "For a reporting duty: days after the period's data ends (Nghị định 09/2019) by which "
            "the report is due, only where the plan says so; empty otherwise.",
        ),
    },
)
PLAN_FILE = Obj(
    m.Plan,
    {
        "id": Field(_id, "Stable id; the plan's address is /ke-hoach/<id>/.", required=True),
        "document_type": Field(Line(), "Document type as written, e.g. 'KẾ HOẠCH'.", required=True),
        "number": Field(Line(), "Number/symbol (số ký hiệu); empty when the source does not show it."),
        "issued_on": Field(Date(), "Date of issue, yyyy-mm-dd; empty when the source does not show it."),
        "place": Field(Line(), "Place of issue (địa danh); empty when the source does not show it."),
        "issuer": Field(Ref("agency"), "Id of the issuing body.", required=True),
        "title": Field(
            Line(),
            "Title (trích yếu), word for word, without the document type word "
            "('Thực hiện …', not 'Kế hoạch thực hiện …').",
            required=True,
        ),
        "period": Field(
            Obj(
                m.Period,
                {
                    "start": Field(Int(), "First year.", required=True),
                    "end": Field(Int(), "Last year; empty for an open-ended plan ('từ năm 2013')."),
                },
            ),
            "The years the plan covers.",
        ),
        "life": Field(
            Obj(
                m.Life,
                {
                    "status": Field(
                        Enum(PLAN_STATUSES), "in-force (the default), ended or replaced, only as a source says."
                    ),
                    "ended_on": Field(
                        Date(),
                        "For an ended or replaced plan: the date it ended, yyyy-mm-dd, as the source "
                        "gives it; empty when unknown.",
                    ),
                    "replaced_by": Field(
                        Ref("legal"),
                        "For a replaced plan: id of the plan's or document's record in the legal "
                        "documents that replaces it; its page links back.",
                    ),
                    "tracked_from": Field(
                        Date(),
                        "The date from which this site follows the plan: the reporting calendar lists "
                        "no period that ends before it.",
                    ),
                    "source": Field(
                        Text(), "Where the facts above come from (the replacing document, a decision, a notice)."
                    ),
                },
            ),
            "Whether the plan is still carried out, and from when the site follows it; leave out for a plan in force "
            "followed from its start.",
        ),
        "document": Field(
            Ref("legal"), "Id of this plan's own record in the legal documents, so other plans and tasks can cite it."
        ),
        "basis": Field(List(Ref("legal")), "Căn cứ: ids of the documents the plan implements."),
        "preamble": Field(List(Text()), "The paragraphs before part I, word for word."),
        "purpose": Field(
            Obj(
                m.Purpose,
                {
                    "heading": Field(Text(), "Heading of part I, word for word.", required=True),
                    "groups": Field(
                        List(
                            Obj(
                                m.ClauseGroup,
                                {
                                    "number": Field(Line(), "Number of the group (1, 2).", required=True),
                                    "heading": Field(Text(), "Heading of the group, word for word.", required=True),
                                    "clauses": Field(
                                        List(
                                            Obj(
                                                m.Clause,
                                                {
                                                    "label": Field(
                                                        Label(),
                                                        "Letter of the clause (a, b, c); empty for a dash item.",
                                                    ),
                                                    "text": Field(Text(), "The clause, word for word.", required=True),
                                                },
                                            )
                                        ),
                                        "Lettered clauses.",
                                    ),
                                },
                            )
                        ),
                        "Numbered groups of part I.",
                    ),
                },
            ),
            "Part I. Mục đích, yêu cầu.",
            required=True,
        ),
        "content": Field(
            Obj(
                m.Content,
                {
                    "heading": Field(Text(), "Heading of part II, word for word.", required=True),
                    "sections": Field(List(SECTION), "Numbered sections of part II."),
                },
            ),
            "Part II. Nội dung: the tasks.",
            required=True,
        ),
        "implementation": Field(
            Obj(
                m.Implementation,
                {
                    "heading": Field(Text(), "Heading of part III, word for word.", required=True),
                    "items": Field(
                        List(
                            Obj(
                                m.DutyItem,
                                {
                                    "number": Field(Line(), "Number of the item (1, 2 …).", required=True),
                                    "heading": Field(Text(), "The item's heading naming the bodies, word for word."),
                                    "text": Field(
                                        Text(),
                                        "The item's text when it has no heading and no duty list, word for word.",
                                    ),
                                    "agencies": Field(
                                        List(Ref("agency")), "Ids of the bodies the item addresses.", required=True
                                    ),
                                    "duties": Field(List(DUTY), "The duties, one per '-' line."),
                                },
                            )
                        ),
                        "Numbered items of part III.",
                    ),
                },
            ),
            "Part III. Tổ chức thực hiện.",
            required=True,
        ),
        "closing": Field(Text(), "The closing paragraph, word for word."),
        "recipients": Field(
            List(
                Obj(
                    m.Recipient,
                    {
                        "text": Field(Text(), "The line as written.", required=True),
                        "agencies": Field(List(Ref("agency")), "Ids of the agencies the line names."),
                    },
                )
            ),
            "Nơi nhận, one line each.",
        ),
        "signature": Field(
            Obj(
                m.Signature,
                {
                    "authority": Field(Line(), "Line such as 'TM. ỦY BAN NHÂN DÂN'."),
                    "on_behalf": Field(Line(), "Line such as 'KT. CHỦ TỊCH'."),
                    "position": Field(Line(), "Signer's position, e.g. 'PHÓ CHỦ TỊCH'."),
                    "name": Field(Line(), "Signer's name.", required=True),
                },
            ),
            "The signature block.",
            required=True,
        ),
        "feedback": Field(
            ASSIGNMENT,
            "Where the plan says difficulties and feedback go (e.g. its closing: 'phản ánh "
            "về Ủy ban nhân dân xã (qua Phòng Văn hóa-Xã hội)'): the wording and the bodies' ids.",
        ),
        "source_text": Field(
            SourceFile(),
            "File name in plan_data/sources/ of the signed text as received; published unchanged as 'Văn bản gốc'.",
        ),
        "note": _note,
    },
)


class AbbreviationText(Line):
    """An abbreviation as the texts write it: letters and digits, with '.', '/' or '-' and single spaces,
    starting with a letter ('UBND', 'KT.', 'QĐ/TW', 'CT-TTg'). Kept this narrow so that it is found in a
    page's text exactly as written (site/html/glossary.py): Markdown escapes none of these characters."""

    expected = N_("an abbreviation as the texts write it (letters and digits, with '.', '/', '-' or single spaces)")
    _PART = "[^\\s\\x00-\\x2c\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]"  # JSON Schema: no ASCII punctuation but . / -

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None:
            return None
        parts = text.split(" ")
        if text[0].isalpha() and all(parts) and all(ch.isalnum() or ch in "./-" for ch in "".join(parts)):
            return text
        wrong(
            ctx,
            path,
            self.expecting(),
            text,
            _(
                "write the abbreviation alone, starting with a letter, e.g. "
                "'UBND', 'KT.', 'QĐ/TW'; explanations go in 'full' or 'note'."
            ),
        )
        return None

    def json_schema(self):
        first = "[^\\s\\x00-\\x40\\x5b-\\x60\\x7b-\\x7f]"
        return {"type": "string", "pattern": f"^{first}{self._PART}*( {self._PART}+)*$"}


ABBREVIATION = Obj(
    m.Abbreviation,
    {
        "abbr": Field(
            AbbreviationText(),
            "The abbreviation exactly as the texts write it ('UBND', 'KT.', 'QĐ/TW'); "
            "case and punctuation count, and each is listed once.",
            required=True,
        ),
        "full": Field(
            Line(),
            "Its full form in correct administrative usage ('Ủy ban nhân dân', 'Ký thay'); shown "
            "on hover over the first use on each page and on the page 'Từ viết tắt'.",
            required=True,
        ),
        "note": Field(Text(), "Editor's note: where it is used, or which of several meanings the texts mean."),
    },
)
GLOSSARY_FILE = Obj(
    m.Glossary,
    {
        "abbreviations": Field(
            List(ABBREVIATION),
            "Every abbreviation the plans and their documents use, with its full form.",
            required=True,
        ),
    },
)

# The web form's files of one record each (paths.CONTACT_PATH, SUMMARY_PATH, GLOSSARY_ENTRY_PATH): the same
# fields as in the shared files, so a value means the same wherever it is written (data/records.py merges them).
CONTACT_KEYS = ("address", "phone", "email", "website")  # an agency's fields that the contact form writes
CONTACT_FILE = Obj(
    m.ContactDetails,
    {
        "agency": Field(
            Ref("agency"), "Id of the agency; the file is named after it: contacts/<agency-id>.yaml.", required=True
        ),
        **{key: AGENCY.fields[key] for key in CONTACT_KEYS},
    },
)
SUMMARY_FILE = Obj(
    m.TaskSummary,
    {
        "plan": Field(Ref("plan"), "Id of the plan; the file is in its folder: summaries/<plan-id>/.", required=True),
        "task": Field(_id, "Id of the task in that plan; the file is named after it: <task-id>.yaml.", required=True),
        "summary": dataclasses.replace(TASK.fields["summary"], required=True),
    },
)

# The kinds of file the data layer builds into a Project: schema file name → root spec. Report files
# are read by the same loader with reports/schema.py's spec (reports/project.py: every file kind).
DATA_FILE_KINDS = {
    "places": PLACES_FILE,
    "agencies": AGENCIES_FILE,
    "legal": LEGAL_FILE,
    "glossary": GLOSSARY_FILE,
    "plan": PLAN_FILE,
    "contact": CONTACT_FILE,
    "summary": SUMMARY_FILE,
    "glossary-entry": ABBREVIATION,
}
