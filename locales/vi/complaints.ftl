## Complaints (phản ánh, kiến nghị): filing, handling, tracking, public results.

complaints-cmd-phananh = gửi phản ánh, kiến nghị về thái độ, chậm trễ, sách nhiễu…
complaints-cmd-tracuu = tra cứu tình trạng phản ánh theo mã (PA-…)
complaints-cmd-congkhai = xem kết quả xử lý phản ánh đã công khai
complaints-cmd-xuly = xem và xử lý một phản ánh theo mã
complaints-cmd-list = danh sách phản ánh đang mở và hạn xử lý

## Filing

complaints-ask-commune = Anh/chị phản ánh về UBND xã, phường nào? Chọn bên dưới hoặc gõ mã hay tên xã, phường.
complaints-ask-commune-typed = Anh/chị phản ánh về UBND xã, phường nào? Gõ mã hay tên xã, phường (ví dụ: Tân Tiến).
complaints-commune-unknown = Không tìm thấy xã, phường "{ $typed }". Anh/chị kiểm tra lại tên hoặc mã, rồi gõ lại.
complaints-commune-several = Có nhiều xã, phường khớp với "{ $typed }". Anh/chị chọn đúng nơi:
complaints-ask-category = Phản ánh về { $commune }. Anh/chị phản ánh về vấn đề gì?
complaints-category-pick = Anh/chị vui lòng chọn một loại vấn đề bằng các nút bên dưới.
complaints-ask-description = Anh/chị hãy mô tả sự việc: khi nào, ở đâu, việc gì đã xảy ra (tối đa { $max } ký tự). Không cần ghi số điện thoại hay số giấy tờ tùy thân.
complaints-description-empty = Phần mô tả đang trống. Anh/chị vui lòng viết vài câu về sự việc để cán bộ hiểu và xử lý.
complaints-description-too-long = Phần mô tả dài { $length } ký tự, vượt quá { $max } ký tự cho phép. Anh/chị vui lòng viết ngắn gọn hơn rồi gửi lại.
complaints-ask-photo = Nếu có ảnh chụp làm bằng chứng, anh/chị gửi ảnh ngay bây giờ. Nếu không có, bấm "Bỏ qua".
complaints-photo-expected = Tôi đang chờ ảnh chụp. Anh/chị gửi ảnh, hoặc bấm "Bỏ qua" nếu không có ảnh.
complaints-photo-received = Đã nhận { $count } ảnh/tệp đính kèm.
complaints-ask-dossier = Phản ánh có liên quan đến một hồ sơ đã nộp không? Gõ mã hồ sơ (in trên giấy biên nhận), hoặc bấm "Bỏ qua".
complaints-dossier-unknown = Không tìm thấy hồ sơ mã "{ $code }" tại { $commune }. Anh/chị kiểm tra lại mã trên giấy biên nhận, hoặc bấm "Bỏ qua".
complaints-dossier-link-unknown = Không tìm thấy hồ sơ mã "{ $code }". Anh/chị vẫn có thể gửi phản ánh như bình thường.
complaints-ask-anonymity =
    Cuối cùng, anh/chị muốn gửi phản ánh theo cách nào?
    • Gửi ẩn danh: cán bộ và lãnh đạo xã KHÔNG bao giờ biết ai gửi. Anh/chị vẫn nhận tin báo kết quả tại đây.
    • Gửi kèm tên: cán bộ tiếp nhận và lãnh đạo phụ trách { $commune } thấy tên anh/chị ({ $name }) để liên hệ khi cần.
    Dù chọn cách nào, kết quả xử lý công khai không bao giờ ghi tên người phản ánh hay nội dung gốc.{ $dossier ->
    [yes] {" "}Lưu ý: phản ánh gắn với một hồ sơ nên chỉ lãnh đạo xử lý; lãnh đạo thấy mã hồ sơ, và hồ sơ có thể giúp nhận ra anh/chị. Nếu muốn giữ kín hoàn toàn, hãy bấm /huy rồi gửi lại mà không gắn hồ sơ.
   *[no] {""}
}
complaints-anonymity-pick = Anh/chị vui lòng chọn "Gửi ẩn danh" hoặc "Gửi kèm tên" bằng các nút bên dưới.
complaints-button-skip = Bỏ qua
complaints-button-anonymous = Gửi ẩn danh (không ai biết tôi là ai)
complaints-button-named = Gửi kèm tên tôi
complaints-filed =
    Đã tiếp nhận phản ánh của anh/chị. Mã phản ánh: { $code }
    Hạn giải quyết: { $due } ({ $days } ngày làm việc).
    Anh/chị sẽ nhận tin báo mỗi khi có tiến triển; có thể tra cứu bất cứ lúc nào bằng lệnh /tracuu { $code }
complaints-filed-anonymous = Phản ánh được gửi ẩn danh: cán bộ xã không thấy anh/chị là ai.
complaints-filed-route = { $level ->
    [leadership] { $outcome ->
        [told] Phản ánh này do lãnh đạo xử lý: đã chuyển thẳng đến lãnh đạo; cán bộ liên quan không nhận được.
       *[held] Phản ánh này do lãnh đạo xử lý, nhưng hiện chưa có lãnh đạo nào của xã (hay của tỉnh) nhận tin qua hệ thống này. Phản ánh được lưu giữ và chuyển ngay cho lãnh đạo đầu tiên tham gia; cán bộ liên quan không nhận được. Nếu việc gấp, anh/chị có thể báo trực tiếp Ban tiếp công dân của UBND xã.
    }
   *[commune] Hiện chưa có cán bộ hay lãnh đạo nào của xã nhận tin qua hệ thống này. Phản ánh được lưu giữ và chuyển ngay cho lãnh đạo đầu tiên tham gia.
}
complaints-limit-reached = Hôm nay anh/chị đã gửi { $limit } phản ánh, là mức tối đa trong một ngày. Anh/chị vui lòng gửi tiếp vào ngày mai, hoặc đến trực tiếp bộ phận tiếp công dân của UBND xã, phường.
complaints-legal-redirect =
    Nội dung anh/chị nêu là khiếu nại hoặc tố cáo. Việc này được giải quyết theo Luật Khiếu nại và Luật Tố cáo, không qua kênh phản ánh, kiến nghị này.
    Anh/chị vui lòng gửi đơn hoặc đến trực tiếp Ban tiếp công dân (bộ phận tiếp công dân) của UBND xã, phường nơi xảy ra sự việc, trong giờ hành chính.
complaints-legal-redirect-place = Địa chỉ: { $address }
complaints-legal-redirect-phone = Điện thoại: { $phone }

## Showing a complaint

complaints-card-title = 📋 Phản ánh { $code }
complaints-card-status = Tình trạng: { $status }
complaints-card-commune = Nơi xử lý: { $commune }
complaints-card-category = Loại: { $category }
complaints-card-dates = Ngày gửi: { $filed } · Hạn giải quyết: { $due }{ $overdue ->
    [yes] {" "}(đã quá hạn)
   *[no] {""}
}
complaints-card-forward-due = Hạn chuyển nơi có thẩm quyền (nếu không thuộc xã): { $due }
complaints-card-reporter = Người phản ánh: { $reporter }
complaints-reporter-anonymous = ẩn danh (không ai được biết người gửi)
complaints-reporter-account = người dân (tài khoản số { $id })
complaints-card-dossier = Hồ sơ liên quan: { $code }
complaints-card-dossier-anonymous = Hồ sơ liên quan: { $code } — ⚠️ phản ánh ẩn danh: hồ sơ này có thể giúp nhận ra người phản ánh. Không tra cứu người nộp hồ sơ, không chuyển mã này cho cán bộ đã tiếp nhận, xử lý hồ sơ.
complaints-card-leadership = Thuộc loại lãnh đạo xử lý (về cán bộ hoặc gắn với hồ sơ): cán bộ không được xem; người tiếp nhận, xử lý hồ sơ liên quan không được biết.
complaints-card-attachments = Ảnh, tệp đính kèm ({ $count }): { $refs }
complaints-card-text = Nội dung phản ánh:
complaints-card-resolution = Kết quả giải quyết: { $resolution }
complaints-card-history = Diễn biến:
complaints-status = { $status ->
    [new] Mới tiếp nhận, chờ cán bộ xem
    [acknowledged] Cán bộ đã tiếp nhận, đang xử lý
    [waiting_citizen] Đang chờ người phản ánh trả lời
    [answered] Cán bộ đã trả lời, đang hoàn tất
    [forwarded] Đã chuyển đến nơi có thẩm quyền
    [reopened] Người phản ánh đề nghị xem xét lại
    [resolved] Đã giải quyết xong
    [rejected] Không xử lý (có lý do)
   *[other] { $status }
}
complaints-event = { $kind ->
    [filed] Người dân gửi phản ánh
    [acknowledged] Cán bộ đã tiếp nhận
    [question] Cán bộ hỏi thêm
    [citizen_reply] Người phản ánh trả lời
    [answered] Cán bộ trả lời
    [resolved] Đã giải quyết xong
    [forwarded] Chuyển nơi xử lý
    [rejected] Không xử lý
    [reopened] Người phản ánh đề nghị xem xét lại
    [review_asked] Người phản ánh đề nghị lãnh đạo xem xét lại việc không xử lý
    [escalation_held] Quá hạn; chưa có lãnh đạo trên hệ thống, cảnh báo được giữ chờ lãnh đạo
    [satisfied] Người phản ánh hài lòng với kết quả
    [unsatisfied] Người phản ánh chưa hài lòng với kết quả
    [reminded] Nhắc cán bộ: sắp đến hạn
    [escalated] Quá hạn, đã báo cáo lãnh đạo
   *[other] { $kind }
}
complaints-not-found = Không tìm thấy phản ánh mã "{ $code }" trong số phản ánh anh/chị được xem. Anh/chị kiểm tra lại mã (dạng PA-2611-ABCDE).
complaints-xuly-usage = Gõ /xuly kèm mã phản ánh, ví dụ: /xuly PA-2611-ABCDE. Xem các phản ánh đang mở bằng /phananh_ds.
complaints-mine-none = Anh/chị chưa gửi phản ánh nào. Gửi phản ánh mới bằng lệnh /phananh.
complaints-mine-title = Các phản ánh anh/chị đã gửi (chọn để xem chi tiết):

## Handling (officials and managers)

complaints-leadership-only = Phản ánh này do lãnh đạo xã, phường xử lý (về thái độ, hành vi của cán bộ hoặc gắn với một hồ sơ), không thuộc phần việc anh/chị phụ trách nên anh/chị không thể xem hay xử lý. Không có gì thay đổi.
complaints-out-of-scope = Phản ánh này không thuộc xã, phường anh/chị phụ trách nên anh/chị không thể xem hay xử lý. Không có gì thay đổi.
complaints-wrong-state = Phản ánh { $code } đang ở tình trạng "{ complaints-status }" nên không thể thực hiện thao tác này. Không có gì thay đổi.
complaints-changed-meanwhile = Phản ánh vừa được người khác cập nhật. Anh/chị mở lại bằng /xuly { $code } để xem tình trạng mới nhất.
complaints-button-acknowledge = ✅ Tiếp nhận xử lý
complaints-button-question = ❓ Hỏi thêm người phản ánh
complaints-button-answer = 💬 Trả lời người phản ánh
complaints-button-resolve = 🏁 Giải quyết xong (công khai kết quả)
complaints-button-forward = ↪️ Chuyển xã, phường khác
complaints-button-reject = ⛔ Không xử lý (nêu lý do)
complaints-button-view = Xem và xử lý
complaints-ask-question = Anh/chị gõ câu hỏi gửi người phản ánh (họ sẽ trả lời qua tin nhắn; nếu ẩn danh, anh/chị vẫn không biết họ là ai).
complaints-ask-answer = Anh/chị gõ nội dung trả lời gửi người phản ánh.
complaints-ask-resolution = Anh/chị gõ tóm tắt kết quả giải quyết. Tóm tắt này được CÔNG KHAI cho mọi người xem: không ghi tên, số điện thoại hay thông tin riêng của người phản ánh.
complaints-ask-reject = Anh/chị gõ lý do không xử lý (người phản ánh sẽ nhận được lý do này).
complaints-ask-forward = Chuyển phản ánh { $code } đến xã, phường nào? Chọn bên dưới hoặc gõ mã hay tên.
complaints-ask-forward-typed = Chuyển phản ánh { $code } đến xã, phường nào? Gõ mã hay tên xã, phường.
complaints-forward-same = Phản ánh đang thuộc chính xã, phường này. Anh/chị chọn một nơi khác.
complaints-note-empty = Nội dung đang trống. Anh/chị vui lòng gõ vài câu.
complaints-note-too-long = Nội dung dài { $length } ký tự, vượt quá { $max } ký tự. Anh/chị vui lòng viết ngắn gọn hơn.
complaints-done = { $action ->
    [acknowledge] Đã ghi nhận anh/chị tiếp nhận xử lý phản ánh { $code }. Tin báo cho người phản ánh đang được gửi.
    [question] Câu hỏi về phản ánh { $code } đang được gửi cho người phản ánh. Câu trả lời sẽ được báo cho anh/chị.
    [answer] Câu trả lời về phản ánh { $code } đang được gửi cho người phản ánh.
    [resolve] Đã đánh dấu phản ánh { $code } là giải quyết xong; kết quả được công khai và người phản ánh được hỏi ý kiến.
    [forward] Đã chuyển phản ánh { $code } đến { $commune }; tin báo cho người phản ánh đang được gửi.
    [reject] Đã ghi nhận không xử lý phản ánh { $code }; lý do đang được gửi cho người phản ánh.
   *[other] Đã cập nhật phản ánh { $code }.
}
complaints-list-title = Phản ánh đang mở ({ $count }), hạn gần nhất trước:
complaints-list-item = { $code } · { $category } · { $status } · hạn { $due }{ $overdue ->
    [yes] {" "}⚠️ quá hạn
   *[no] {""}
}
complaints-list-empty = Không có phản ánh nào đang mở. 👍
complaints-list-more = … và { $count } phản ánh khác.

## Pushes (outbox)

complaints-notify-new = 📥 Phản ánh mới { $code } về { $commune } — loại: { $category }. Hạn giải quyết: { $due }.{ $level ->
    [leadership] {" "}Phản ánh về cán bộ hoặc gắn với hồ sơ: chỉ lãnh đạo xử lý, không chuyển cho cán bộ liên quan.
   *[commune] {""}
} Bấm nút bên dưới hoặc gõ /xuly { $code } để xem và xử lý.
complaints-notify-forwarded-in = 📥 Phản ánh { $code } được chuyển đến { $commune } từ nơi khác — loại: { $category }. Hạn giải quyết: { $due }. Gõ /xuly { $code } để xem và xử lý.
complaints-notify-citizen-reply = 💬 Người phản ánh đã trả lời câu hỏi về phản ánh { $code }. Gõ /xuly { $code } để xem.
complaints-notify-review = 🔁 Người phản ánh đề nghị lãnh đạo xem xét lại phản ánh { $code } đã bị "không xử lý". Từ nay chỉ lãnh đạo xử lý phản ánh này. Hạn mới: { $due }. Gõ /xuly { $code } để xem lý do.
complaints-alert-rejected = ⛔ Phản ánh { $code } ({ $commune }, loại: { $category }) vừa bị { $by } đánh dấu "không xử lý". Lý do: { $reason }
    Người phản ánh có thể đề nghị lãnh đạo xem xét lại. Gõ /xuly { $code } để xem.
complaints-notify-reopened = 🔁 Người phản ánh đề nghị xem xét lại phản ánh { $code }. Hạn mới: { $due }. Gõ /xuly { $code } để xem lý do.
complaints-notify-citizen = { $kind ->
    [acknowledged] Phản ánh { $code } của anh/chị đã được cán bộ tiếp nhận và đang xử lý.
    [question] Cán bộ hỏi thêm về phản ánh { $code }:
    [answered] Cán bộ trả lời phản ánh { $code }:
    [resolved] Phản ánh { $code } đã được giải quyết xong. Kết quả:
    [forwarded] Phản ánh { $code } không thuộc thẩm quyền nơi nhận nên đã được chuyển đến { $commune }. Hạn giải quyết mới: { $due }.
    [rejected] Phản ánh { $code } không được xử lý. Lý do:
   *[other] Phản ánh { $code } vừa được cập nhật.
}
complaints-question-how = Anh/chị trả lời bằng tin nhắn tiếp theo, hoặc bấm nút "Trả lời" bên dưới.
complaints-satisfaction-ask = Anh/chị có hài lòng với kết quả này không? Nếu chưa hài lòng, anh/chị có thể đề nghị xem xét lại một lần trong vòng { $days } ngày.
complaints-button-reply = Trả lời
complaints-button-satisfied = 😊 Hài lòng
complaints-button-unsatisfied = 😞 Chưa hài lòng
complaints-button-reopen = 🔁 Đề nghị xem xét lại
complaints-button-review = 🔁 Đề nghị lãnh đạo xem xét lại
complaints-review-how = Nếu chưa đồng ý, anh/chị bấm nút bên dưới trong vòng { $days } ngày để đề nghị lãnh đạo xã xem xét lại (một lần).
complaints-remind = ⏰ Phản ánh { $code } ({ $commune }) sắp đến hạn giải quyết: { $due }. Gõ /xuly { $code } để xử lý.
complaints-escalate = 🚨 Phản ánh { $code } của { $commune } đã quá hạn giải quyết ({ $due }) mà chưa có kết quả. Gõ /xuly { $code } để xem.

## Citizen replies, satisfaction, reopening

complaints-ask-reply = Anh/chị gõ câu trả lời cho cán bộ về phản ánh { $code }.
complaints-reply-sent = Đã gửi câu trả lời của anh/chị cho cán bộ xử lý phản ánh { $code }.
complaints-no-question = Phản ánh { $code } hiện không có câu hỏi nào đang chờ anh/chị trả lời.
complaints-satisfaction-thanks = { $satisfied ->
    [yes] Cảm ơn anh/chị đã cho biết ý kiến. Chúc anh/chị mọi việc thuận lợi!
   *[no] Cảm ơn anh/chị đã cho biết ý kiến. Nếu muốn, anh/chị có thể đề nghị xem xét lại phản ánh một lần.
}
complaints-not-resolved = Phản ánh { $code } chưa được giải quyết xong nên chưa thể đánh giá hay đề nghị xem xét lại.
complaints-ask-reopen = Anh/chị cho biết vì sao kết quả giải quyết phản ánh { $code } chưa thỏa đáng (việc xem xét lại chỉ được đề nghị một lần).
complaints-ask-review = Anh/chị cho biết vì sao đề nghị lãnh đạo xem xét lại phản ánh { $code } (chỉ đề nghị được một lần).
complaints-review-sent = { $outcome ->
    [told] Đã chuyển đề nghị xem xét lại phản ánh { $code } đến lãnh đạo xã. Hạn giải quyết mới: { $due }.
   *[held] Đã ghi nhận đề nghị xem xét lại phản ánh { $code }. Hiện chưa có lãnh đạo nào nhận tin qua hệ thống này; đề nghị được lưu giữ và chuyển ngay cho lãnh đạo đầu tiên tham gia. Hạn giải quyết mới: { $due }.
}
complaints-reopened = Đã gửi đề nghị xem xét lại phản ánh { $code }. Hạn giải quyết mới: { $due }.
complaints-reopen-used = Phản ánh { $code } đã được xem xét lại một lần; mỗi phản ánh chỉ được đề nghị xem xét lại một lần. Nếu vẫn chưa đồng ý, anh/chị có thể gửi đơn đến Ban tiếp công dân của UBND xã, phường.
complaints-reopen-expired = Đã quá { $days } ngày kể từ khi phản ánh { $code } được giải quyết nên không thể đề nghị xem xét lại. Anh/chị có thể gửi phản ánh mới bằng /phananh.

## Public results

complaints-public-intro = Kết quả giải quyết phản ánh, kiến nghị của người dân năm { $year }. Không công bố tên người phản ánh và nội dung gốc.
complaints-public-received = Tiếp nhận
complaints-public-resolved = Đã giải quyết
complaints-public-ontime = Đúng hạn
complaints-public-avgdays = Trung bình (ngày làm việc)
complaints-public-none = Chưa có phản ánh nào được giải quyết trong năm { $year }.
complaints-public-item-dates = Gửi { $filed } · Giải quyết { $resolved } · { $days } ngày làm việc
complaints-public-unknown-commune = Không tìm thấy xã, phường có mã "{ $code }".
complaints-public-bad-year = Năm không hợp lệ. Ví dụ: ?nam=2026
complaints-public-chat-figures = { $commune }: tiếp nhận { $received }, đã giải quyết { $resolved }, đúng hạn { $ontime }, trung bình { $avg } ngày làm việc.
complaints-public-chat-item = { $code } · { $category } · gửi { $filed }, giải quyết { $resolved } ({ $days } ngày làm việc): { $summary }
complaints-public-chat-link = Xem đầy đủ tại { $url }
complaints-public-chat-usage = Gõ /congkhai kèm mã xã, phường để xem danh sách kết quả, ví dụ: /congkhai { $example }
complaints-no-value = —
