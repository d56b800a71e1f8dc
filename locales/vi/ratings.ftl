## Ratings: the questionnaire after a transaction, requests and reminders, /hailong figures.

rating-button-rate = Đánh giá ngay
rating-button-skip = Bỏ qua
rating-button-complain = Gửi phản ánh về hồ sơ này
rating-request = Hồ sơ { $code } ({ $procedure }) đã được trả kết quả{ $outcome ->
    [early] , trước hạn
    [on_time] , đúng hạn
    [late] . Chúng tôi xin lỗi vì kết quả trễ hạn
   *[other] {""}
}. Mời anh/chị dành một phút đánh giá mức độ hài lòng; ý kiến của anh/chị giúp xã phục vụ tốt hơn.
rating-reminder = Nhắc nhẹ: anh/chị chưa đánh giá việc giải quyết hồ sơ { $code } ({ $procedure }). Chỉ mất một phút, và đây là lần nhắc duy nhất.
rating-intro = Đánh giá việc giải quyết hồ sơ { $code }.
rating-not-yet = Hồ sơ chưa trả kết quả nên chưa đánh giá được. Anh/chị bấm theo dõi hồ sơ để được mời đánh giá khi nhận kết quả.
rating-already = Hồ sơ này đã được đánh giá rồi. Cảm ơn anh/chị!
rating-not-follower = Nút này không dành cho tài khoản của anh/chị. Để đánh giá, anh/chị mở đường liên kết hoặc nhắn mã in trên giấy tiếp nhận hồ sơ.
rating-use-buttons = Anh/chị vui lòng chọn một trong các nút bên dưới (gõ /huy để dừng).
rating-comment-too-long = Góp ý dài quá { $max } ký tự, anh/chị viết ngắn gọn lại giúp.
rating-thanks = Cảm ơn anh/chị đã đánh giá! Ý kiến của anh/chị đã được ghi nhận.
rating-thanks-concern = Cảm ơn anh/chị đã đánh giá thẳng thắn. { $extra ->
    [yes] Việc gợi ý chi thêm tiền là sai quy định; lãnh đạo xã đã được báo để xem xét.
   *[other] Lãnh đạo xã đã được báo để xem xét.
} Nếu muốn, anh/chị có thể gửi phản ánh chi tiết; kết quả xử lý sẽ được công khai, không nêu tên người phản ánh.
rating-thanks-concern-held = Cảm ơn anh/chị đã đánh giá thẳng thắn. { $extra ->
    [yes] Việc gợi ý chi thêm tiền là sai quy định.
   *[other] {""}
} Hiện xã chưa có lãnh đạo nào nhận tin qua hệ thống này, nên ý kiến của anh/chị được lưu lại và sẽ chuyển ngay cho lãnh đạo đầu tiên tham gia. Anh/chị có thể gửi phản ánh chi tiết ngay bây giờ (bấm nút bên dưới), hoặc báo trực tiếp Bộ phận Một cửa của xã.

rating-alert = Cảnh báo đánh giá: hồ sơ { $code } ({ $procedure }, { $commune }) — { $reasons }.{ $hasComment ->
    [yes] {" "}Góp ý: "{ $comment }"
   *[other] {""}
}
    Đề nghị xem xét, làm rõ và phản hồi người dân.

rating-import-created = Đã lưu phiếu đánh giá { $key }: { $count } câu hỏi. Để hỏi phiếu này, đặt RATING_QUESTIONNAIRE={ $key } rồi khởi động lại dịch vụ.
rating-import-unchanged = Phiếu đánh giá { $key } đã có, giống hệt tệp: không có gì thay đổi.
rating-cmd-hailong = số liệu hài lòng: /hailong [mã xã] [2026-03 | quý 1/2026 | 6 tháng đầu năm 2026]
rating-hailong-no-scope = Tài khoản của anh/chị chưa được giao xã, phường nào nên chưa có số liệu để xem.
rating-hailong-out-of-scope = Xin lỗi, { $role ->
    [official] cán bộ chỉ xem được số liệu của xã, phường mình
   *[other] { $commune } không thuộc phạm vi anh/chị được giao
}, nên tôi không thể hiển thị số liệu của { $commune }.
rating-hailong-usage = Tôi chưa hiểu "{ $input }". Cách dùng: /hailong [mã xã] [kỳ], trong đó kỳ là tháng (2026-03 hoặc 3/2026), quý (quý 1/2026), 6 tháng (6 tháng đầu năm 2026, 6 tháng cuối năm 2026) hoặc năm (2026). Không ghi kỳ: tháng này.
rating-hailong-many = { $count } xã, phường
rating-period = { $kind ->
    [month] tháng { $month }/{ $year }
    [quarter] quý { $index }/{ $year }
    [half] { $index ->
        [1] 6 tháng đầu năm { $year }
       *[other] 6 tháng cuối năm { $year }
    }
   *[other] năm { $year }
}
rating-figure-none = chưa có
rating-figures =
    Mức độ hài lòng — { $title }, { $period }
    Hồ sơ đã trả kết quả: { $returned }
      • trước hạn: { $early } ({ $earlyPct })
      • đúng hạn: { $onTime } ({ $onTimePct })
      • trễ hạn: { $late } ({ $latePct })
    Lượt đánh giá: { $rated } (tỷ lệ đánh giá { $ratingRatePct }), theo thang 3 mức quốc gia:
      • rất hài lòng: { $verySatisfied } ({ $verySatisfiedPct })
      • hài lòng: { $satisfied } ({ $satisfiedLevelPct })
      • không hài lòng: { $unsatisfied } ({ $unsatisfiedPct })
    Tỷ lệ hài lòng (rất hài lòng + hài lòng): { $satisfiedPct }
    Phản ánh bị gợi ý chi thêm tiền: { $extra }

## Biểu đồ gửi kèm /hailong và trên trang công khai

rating-level-very_satisfied = Rất hài lòng
rating-level-satisfied = Hài lòng
rating-level-unsatisfied = Không hài lòng
chart-month = T{ $month }{ $withYear ->
    [yes] /{ $year }
   *[no] {""}
}
chart-satisfied = Hài lòng (rất hài lòng + hài lòng)
chart-in-time = Trả kết quả đúng hạn
chart-level-share = { $count } lượt · { $pct }%
chart-satisfaction-title = Mức độ hài lòng — { $title }
chart-satisfaction-subtitle = { $period } · { $rated } lượt đánh giá, thang 3 mức quốc gia
chart-satisfaction-levels = Tỷ lệ từng mức
chart-satisfaction-trend = Tỷ lệ hài lòng theo tháng (%)
chart-satisfaction-alt = Biểu đồ mức độ hài lòng của { $title }, { $period }: { $rated } lượt đánh giá, { $satisfiedPct }% hài lòng, { $unsatisfiedPct }% không hài lòng.
