"""What the form shows beside each field of the report schema, in Vietnamese: label and hint.

Keyed by the field's path in the schema (dotted, list items left out: `tasks.status`). The kinds, the
required keys, the choices and the patterns come from the schema itself (fields.py); only these words are
kept here, and `fields.form_fields` refuses a schema field that has none, so the two cannot drift apart.
Editor-facing text, in Vietnamese: Decap shows it as written.
"""

from __future__ import annotations

from ..data.schema import SUMMARY_LIMIT

REPORT = {
    "plan": ("Kế hoạch", "Kế hoạch được báo cáo."),
    "period": ("Kỳ báo cáo", "Theo Nghị định 09/2019: kỳ 06 tháng tính số liệu từ 15/12 năm trước đến 14/6."),
    "period.kind": ("Loại báo cáo", "Báo cáo 06 tháng, năm, quý, tháng, chuyên đề hay đột xuất."),
    "period.year": ("Năm", "Năm của kỳ báo cáo, bốn chữ số, ví dụ 2026."),
    "period.number": ("Tháng hoặc quý", "Chỉ điền với báo cáo tháng (1–12) hoặc quý (1–4); để trống với loại khác."),
    "period.start": ("Ngày đầu kỳ", "Chỉ điền với báo cáo chuyên đề, đột xuất, hoặc khi kỳ khác quy định chung."),
    "period.end": ("Ngày cuối kỳ", "Điền cùng với ngày đầu kỳ."),
    "reporter": ("Cơ quan báo cáo", "Cơ quan gửi báo cáo này."),
    "recipient": ("Nơi nhận", "Cơ quan nhận báo cáo, theo phần III của kế hoạch."),
    "number": ("Số ký hiệu", "Số ký hiệu của báo cáo, nếu có, ví dụ 15/BC-VHXH."),
    "submitted_on": ("Ngày ký hoặc gửi", "Ngày trên báo cáo; không trước ngày đầu kỳ."),
    "tasks": ("Báo cáo từng nhiệm vụ", "Mỗi nhiệm vụ một mục; mỗi nhiệm vụ chỉ báo cáo một lần trong kỳ."),
    "tasks.task": ("Nhiệm vụ", "Nhiệm vụ của kế hoạch được báo cáo."),
    "tasks.status": ("Tình trạng", "Nhiệm vụ thường xuyên ghi “Thực hiện thường xuyên”, không ghi “Đã hoàn thành”."),
    "tasks.done": ("Việc đã làm", "Theo lời báo cáo."),
    "tasks.progress": ("Tiến độ (%)", "Chỉ với nhiệm vụ đo được kết quả; nhiệm vụ thường xuyên để trống."),
    "tasks.reason": ("Lý do không thực hiện", "Bắt buộc khi tình trạng là “Không thực hiện”."),
    "tasks.outputs": ("Kết quả đếm được", "Số lượng, đơn vị tính, nội dung đếm."),
    "tasks.outputs.quantity": ("Số lượng", "Một con số, ví dụ 3."),
    "tasks.outputs.unit": ("Đơn vị tính", "Ví dụ: hội nghị, lượt người."),
    "tasks.outputs.what": ("Nội dung đếm", "Khi đơn vị chưa nói rõ, ví dụ: tham dự. Không nhắc lại đơn vị."),
    "tasks.evidence": ("Minh chứng", "Địa chỉ https://… hoặc tệp trong thư mục docs/."),
    "tasks.difficulties": ("Khó khăn, vướng mắc", ""),
    "tasks.proposals": ("Đề xuất, kiến nghị", ""),
    "note": ("Ghi chú của người biên tập", "Không hiện như lời của báo cáo."),
}

# What a pattern check in the form says when a value does not fit, by the kind's name (fields.py).
PATTERN_MESSAGES = {
    "AbbreviationText": "Viết đúng chữ viết tắt, bắt đầu bằng chữ cái; chỉ gồm chữ, số, '.', '/', '-' và dấu cách đơn.",
    "Line": "Chỉ viết trên một dòng, không xuống dòng.",
    "Slug": "Mã chỉ gồm chữ thường không dấu, chữ số và dấu '-'.",
    "Url": "Địa chỉ phải bắt đầu bằng https://, http:// hoặc /.",
    "Evidence": "Địa chỉ https://… hoặc đường dẫn tệp bắt đầu bằng docs/.",
    "Email": "Thư điện tử dạng ten@example.gov.vn.",
}

# The form's files of one record each (data/records.py): an agency's contact details, a task's plain summary, a
# glossary entry. Only what an official source publishes: the hints say so, as the editors' guide does.
CONTACT = {
    "agency": ("Cơ quan", "Chọn cơ quan; tệp mang tên mã cơ quan này."),
    "address": ("Địa chỉ", "Chỉ lấy từ nguồn chính thức (trang của cơ quan, văn bản); không có thì để trống."),
    "phone": ("Điện thoại", "Chỉ số do chính cơ quan công bố; không đoán."),
    "email": ("Thư điện tử", "Chỉ địa chỉ do chính cơ quan công bố."),
    "website": ("Trang web", "Địa chỉ trang chính thức, bắt đầu bằng https://."),
}
SUMMARY = {
    "plan": ("Kế hoạch", "Kế hoạch có nhiệm vụ được tóm tắt."),
    "task": ("Nhiệm vụ", "Nhiệm vụ được tóm tắt; tệp mang tên mã nhiệm vụ này."),
    "summary": (
        "Tóm tắt dễ hiểu",
        f"Một hai câu người dân hiểu được, tối đa {SUMMARY_LIMIT} ký tự, đúng ý nguyên "
        "văn; hiện tách riêng khỏi văn bản đã ký.",
    ),
}
GLOSSARY_ENTRY = {
    "abbr": (
        "Chữ viết tắt",
        "Đúng như văn bản viết: 'UBND', 'KT.', 'QĐ/TW'; chữ hoa, chữ thường và dấu chấm đều tính.",
    ),
    "full": ("Dạng đầy đủ", "Theo cách dùng hành chính chuẩn, ví dụ: Ủy ban nhân dân."),
    "note": ("Ghi chú", "Dùng ở đâu, hoặc nghĩa nào trong nhiều nghĩa."),
}
