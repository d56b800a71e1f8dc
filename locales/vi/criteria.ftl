## Bộ tiêu chí "Chính quyền thân thiện": nhắc việc hằng tháng, báo cáo tiến độ, lệnh của lãnh đạo.

criteria-cmd-capnhat = báo cáo tiến độ tiêu chí được giao
criteria-cmd-tiendo = xem tiến độ bộ tiêu chí của xã
criteria-cmd-xephang = xếp hạng các xã theo điểm tự chấm
criteria-cmd-baocao = nhận báo cáo tháng (tệp Excel), ví dụ /baocao 2026-11
criteria-cmd-phancong = phân công cán bộ phụ trách từng tiêu chí

## Từ dùng chung

criteria-status-not_started = Chưa thực hiện
criteria-status-in_progress = Đang thực hiện
criteria-status-done = Đã hoàn thành
criteria-heading = { $code } · { $title } ({ $bonus ->
    [yes] điểm thưởng, tối đa { $max }
   *[no] { $max } điểm
})
criteria-report-line = { $status } · tự chấm { $score }/{ $max } điểm (báo cáo tháng { $month })
criteria-no-report = Chưa có báo cáo nào trong năm.
criteria-owner-none = chưa phân công
criteria-stars = { $stars ->
    [0] chưa đạt mức sao
   *[other] { $stars }★
}
criteria-set-line = Bộ tiêu chí theo { $decision } ({ $province })
criteria-commune-set = { $commune } · { $decision }
criteria-evidence-missing = Còn thiếu minh chứng: { $docs }
criteria-evidence-complete = Đã đủ minh chứng.
criteria-report-button = Báo cáo { $code }
criteria-skip = Bỏ qua
criteria-more-communes = … và { $count } xã khác: gửi /baocao để xem đầy đủ.

## Phạm vi, chọn xã

criteria-choose-commune = Chọn xã:
criteria-unknown-commune = Không tìm thấy xã có mã { $code }. Vui lòng kiểm tra lại mã xã.
criteria-out-of-scope = Xã { $code } không thuộc phạm vi anh/chị được xem.
criteria-commune-not-allowed = Xã này không thuộc phạm vi anh/chị được xem.
criteria-no-scope = Tài khoản của anh/chị chưa được gắn với xã nào. Vui lòng liên hệ quản trị hệ thống.
criteria-too-many-communes = Phạm vi của anh/chị có { $count } xã. Vui lòng gửi /{ $command } kèm mã xã, ví dụ /{ $command } BG-TANTIEN.
criteria-no-set = { $commune } chưa áp dụng bộ tiêu chí nào cho năm { $year }.

## Nhắc việc hằng tháng, nhắc trước hạn, tổng hợp sau hạn

criteria-remind-title = Nhắc việc tháng { $month }: bộ tiêu chí "Chính quyền thân thiện"
criteria-remind-intro = Anh/chị phụ trách { $count } tiêu chí. Tình hình đến tháng trước:
criteria-remind-deadline = Hạn báo cáo tiến độ tháng này: { $date }. Bấm nút dưới đây để báo cáo từng tiêu chí, hoặc gửi /capnhat.
criteria-nudge-title = Sắp đến hạn báo cáo tiến độ tháng { $month } (hạn { $date }).
criteria-nudge-intro = Anh/chị còn { $count } tiêu chí chưa báo cáo trong tháng:
criteria-nudge-end = Vui lòng báo cáo trước { $date }: bấm nút dưới đây hoặc gửi /capnhat.
criteria-summary-title = Tổng hợp tiến độ bộ tiêu chí tháng { $month } (hạn báo cáo { $date })
criteria-summary-complete = { $done }/{ $count } xã đã báo cáo đủ các tiêu chí.

## /tiendo

criteria-progress-title = Tiến độ bộ tiêu chí: { $commune }, tháng { $month }
criteria-month-reported = đã báo cáo tháng này
criteria-month-missing = chưa báo cáo tháng này
criteria-progress-total = Tổng điểm tự chấm: { $score }/{ $max } → { $stars }
criteria-floors-met = Điểm tối thiểu của từng tiêu chí: đạt.
criteria-floors-missed = Chưa đạt điểm tối thiểu ở: { $codes }.
criteria-recognition = { $yes ->
    [yes] Nếu giữ kết quả này, xã đủ điều kiện đề nghị công nhận.
   *[no] Với kết quả này, xã chưa đủ điều kiện đề nghị công nhận.
}
criteria-late-title = Chưa báo cáo tháng { $month }:
criteria-late-line = • { $owner }: { $codes }
criteria-all-reported = Tất cả tiêu chí đã được báo cáo trong tháng.

## /xephang

criteria-rank-title = Xếp hạng { $count } xã theo điểm tự chấm, tháng { $month }
criteria-rank-recognition = { $reached }/{ $count } xã ({ $percent }%) đạt chuẩn công nhận{ $hasTarget ->
    [yes] , mục tiêu { $target }%
   *[no] {""}
}.
criteria-rank-stars = Phân bố: { $list }
criteria-commune-line = { $rank ->
    [0] {""}
   *[other] { $rank }.{" "}
}{ $commune }: { $score }/{ $max } · { $stars } · báo cáo { $reported }/{ $count }{ $recognized ->
    [yes] {" "}✓
   *[no] {""}
}
criteria-rank-without-set = { $count } xã chưa áp dụng bộ tiêu chí năm { $year }.

## /capnhat: báo cáo tiến độ

criteria-report-choose = Chọn tiêu chí cần báo cáo tháng { $month }:
criteria-report-none = Anh/chị chưa được giao tiêu chí nào trong năm { $year }. Lãnh đạo xã phân công bằng lệnh /phancong.
criteria-report-not-owner = Tiêu chí này do cán bộ khác phụ trách; anh/chị chỉ báo cáo được tiêu chí được giao cho mình. Không có gì thay đổi.
criteria-report-unknown = Không có tiêu chí { $code } trong các tiêu chí anh/chị phụ trách. Gửi /capnhat để xem danh sách.
criteria-ask-status = Báo cáo tháng { $month }. Tình trạng thực hiện tiêu chí?
criteria-use-buttons = Vui lòng chọn bằng một trong các nút dưới đây.
criteria-ask-score = Điểm tự chấm của tiêu chí (từ 0 đến { $max }, có thể dùng số lẻ như 12,5)?
criteria-score-invalid = { $typed ->
    [yes] "{ $input }" không phải điểm hợp lệ.
   *[no] Chưa nhận được điểm.
} Vui lòng nhập một số từ 0 đến { $max }, ví dụ 15 hoặc 12,5.
criteria-ask-evidence-doc = Gửi minh chứng "{ $doc }": một đường link (bắt đầu bằng http:// hoặc https://) hoặc tệp, ảnh đính kèm. Chưa có thì bấm "Bỏ qua".
criteria-ask-evidence = Gửi thêm minh chứng (đường link hoặc tệp, ảnh), hoặc bấm "Bỏ qua".
criteria-evidence-invalid = Chưa nhận được minh chứng.
criteria-evidence-received = Đã nhận minh chứng thứ { $count }.
criteria-ask-note = Ghi chú thêm (khó khăn, kiến nghị…; tối đa { $max } ký tự), hoặc bấm "Bỏ qua".
criteria-note-invalid = Vui lòng gõ ghi chú bằng chữ.
criteria-note-too-long = Ghi chú dài quá { $max } ký tự.
criteria-report-saved = Đã ghi nhận báo cáo tháng { $month } cho tiêu chí { $code }: { $status }, tự chấm { $score }/{ $max } điểm, { $evidence } minh chứng. Cảm ơn anh/chị!
criteria-report-lost = Tiêu chí vừa được giao cho người khác trong lúc anh/chị báo cáo, nên báo cáo chưa được lưu.
criteria-others-left = Anh/chị còn { $count } tiêu chí chưa báo cáo tháng này:
criteria-all-mine-reported = Anh/chị đã báo cáo đủ các tiêu chí được giao trong tháng này.

## /phancong

criteria-assign-choose-criterion = { $commune }: chọn tiêu chí để giao cán bộ phụ trách (đang ghi tên người phụ trách hiện tại):
criteria-assign-choose-official = { $code } · { $title }
    Chọn cán bộ phụ trách:
criteria-assign-no-officials = { $commune } chưa có cán bộ nào có tài khoản. Hãy cấp mã mời (npm run cli -- invite --role official …) và nhờ cán bộ gửi /dangky kèm mã.
criteria-assign-not-official = Người này không phải cán bộ của xã nên không thể giao tiêu chí.
criteria-assign-done = Đã giao tiêu chí { $code } cho { $owner }.
criteria-assign-notify = Anh/chị được giao phụ trách tiêu chí { $heading } của { $commune }. Hằng tháng tôi sẽ nhắc báo cáo tiến độ; anh/chị có thể báo cáo ngay bằng lệnh /capnhat.
criteria-unassign-notify = Tiêu chí { $heading } của { $commune } đã được giao cho cán bộ khác; anh/chị không cần báo cáo tiêu chí này nữa.

## /baocao: tệp Excel

criteria-xlsx-bad-month = Tháng không hợp lệ. Gửi /baocao cho tháng này, hoặc /baocao 2026-11 (năm-tháng).
criteria-xlsx-caption = Báo cáo tháng { $month } của { $count } xã: tiến độ bộ tiêu chí, mức độ hài lòng, phản ánh kiến nghị.
criteria-xlsx-title = Báo cáo "Chính quyền thân thiện" tháng { $month }
criteria-xlsx-sheet-summary = Tổng hợp xã
criteria-xlsx-sheet-progress = Tiến độ tiêu chí
criteria-xlsx-sheet-satisfaction = Hài lòng (thang quốc gia)
criteria-xlsx-sheet-answers = Câu trả lời phiếu đánh giá
criteria-xlsx-sheet-complaints = Phản ánh, kiến nghị
criteria-xlsx-yes = Có
criteria-xlsx-no = Không
criteria-xlsx-all = Toàn phạm vi
criteria-xlsx-commune-code = Mã xã
criteria-xlsx-commune = Tên xã
criteria-xlsx-set = Bộ tiêu chí
criteria-xlsx-total = Tổng điểm tự chấm
criteria-xlsx-max = Điểm tối đa
criteria-xlsx-stars = Số sao
criteria-xlsx-floors = Đạt điểm tối thiểu từng tiêu chí
criteria-xlsx-recognized = Đủ điều kiện công nhận
criteria-xlsx-reported = Tiêu chí đã báo cáo trong tháng
criteria-xlsx-code = Mã tiêu chí
criteria-xlsx-criterion = Tiêu chí
criteria-xlsx-owner = Người phụ trách
criteria-xlsx-status = Tình trạng
criteria-xlsx-score = Điểm tự chấm
criteria-xlsx-last-month = Tháng báo cáo gần nhất
criteria-xlsx-this-month = Đã báo cáo tháng này
criteria-xlsx-missing = Minh chứng còn thiếu
criteria-xlsx-evidence = Minh chứng (báo cáo gần nhất)
criteria-xlsx-note = Ghi chú
criteria-xlsx-returned = Hồ sơ đã trả kết quả
criteria-xlsx-early = Trước hạn
criteria-xlsx-on-time = Đúng hạn
criteria-xlsx-late = Trễ hạn
criteria-xlsx-rated = Lượt đánh giá
criteria-xlsx-satisfied-pct = Tỷ lệ hài lòng (%)
criteria-xlsx-unsatisfied-pct = Tỷ lệ không hài lòng (%)
criteria-xlsx-in-time-pct = Tỷ lệ đúng hạn, kể cả trước hạn (%)
criteria-xlsx-questionnaire = Phiếu đánh giá
criteria-xlsx-question = Câu hỏi
criteria-xlsx-answer = Câu trả lời
criteria-xlsx-answer-count = Số lượt
criteria-xlsx-answer-pct = Tỷ lệ (%)
criteria-xlsx-extra-payment = Bị gợi ý chi thêm
criteria-xlsx-received = Tiếp nhận
criteria-xlsx-resolved = Đã giải quyết
criteria-xlsx-resolved-on-time = Giải quyết đúng hạn
criteria-xlsx-resolved-on-time-pct = Tỷ lệ đúng hạn (%)
criteria-xlsx-average-days = Số ngày làm việc bình quân

## Dòng lệnh (npm run cli -- …)

criteria-import-set-created = Đã tạo bộ tiêu chí { $key } ({ $decision }): { $count } tiêu chí.
criteria-import-set-updated = Đã cập nhật bộ tiêu chí { $key } ({ $decision }): { $count } tiêu chí.
criteria-import-assignments = Đã nhập { $count } phân công: { $changed } thay đổi, { $unchanged } giữ nguyên.
criteria-cli-no-sets = Chưa có bộ tiêu chí nào.
criteria-cli-set = { $key }: { $decision } ({ $province }), { $count } tiêu chí, { $max } điểm; áp dụng: { $use }
criteria-cli-use = năm { $year }: { $count } xã
criteria-cli-unknown-set = Không có bộ tiêu chí { $key }. Xem danh sách: npm run cli -- criteria list
criteria-cli-unknown-communes = Không tìm thấy xã: { $codes }. Không có gì thay đổi.
criteria-cli-no-communes = Không có xã nào phù hợp. Không có gì thay đổi.
criteria-cli-used = Đã áp dụng bộ tiêu chí { $key } năm { $year } cho { $count } xã.

## Biểu đồ gửi kèm /tiendo và /xephang

chart-score = { $score }/{ $max }
chart-not-reported = chưa báo cáo
chart-stars = { $stars ->
    [0] chưa đạt mức sao
   *[other] đạt { $stars } sao
}
chart-progress-title = Tiến độ tiêu chí — { $commune }
chart-progress-subtitle = Tháng { $month } · Bộ tiêu chí { $decision }
chart-progress-criteria = Điểm tự chấm so với điểm tối đa
chart-progress-levels = Tổng { $total }/{ $max } điểm, { $stars }
chart-level-row = Mức { $stars } sao
chart-level-min = từ { $min } điểm
chart-floor-line = tối thiểu { $percent }%
chart-total-line = Tổng: { $total } điểm
chart-progress-alt = Biểu đồ tiến độ tiêu chí của { $commune }, tháng { $month }: tổng { $total }/{ $max } điểm, { $stars }.
chart-rank-title = Xếp hạng theo điểm tự chấm, tháng { $month }
chart-rank-legend = Màu xanh lá: đủ điều kiện công nhận
chart-rank-set = { $decision } ({ $province })
chart-rank-subtitle = { $reached }/{ $count } xã đủ điều kiện công nhận{ $hasTarget ->
    [yes] , mục tiêu { $target }%
   *[no] {""}
}{ $cut ->
    [yes] ; hiện { $shown } xã đứng đầu
   *[no] {""}
}
chart-rank-row = { $rank }. { $commune }
chart-rank-note = { $total } · { $stars }
chart-recognition-line = ngưỡng công nhận { $points }
chart-rank-alt = Biểu đồ xếp hạng { $count } xã theo điểm tự chấm, tháng { $month }: { $recognized } xã đủ điều kiện công nhận, cao nhất { $best } ({ $total } điểm).
