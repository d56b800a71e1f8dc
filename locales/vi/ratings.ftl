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

rating-q-overall = Nhìn chung, anh/chị có hài lòng với việc giải quyết hồ sơ không?
rating-a-overall-4 = Rất hài lòng
rating-a-overall-3 = Hài lòng
rating-a-overall-2 = Bình thường
rating-a-overall-1 = Không hài lòng
rating-q-timeliness = Thời gian trả kết quả so với giấy hẹn?
rating-a-timeliness-early = Sớm hơn ngày hẹn
rating-a-timeliness-on_time = Đúng ngày hẹn
rating-a-timeliness-late_notified = Trễ hẹn, có thông báo, xin lỗi
rating-a-timeliness-late_unnotified = Trễ hẹn, không được thông báo
rating-q-attitude = Thái độ của cán bộ tiếp nhận, trả kết quả?
rating-a-attitude-4 = Rất lịch sự, tận tình
rating-a-attitude-3 = Lịch sự
rating-a-attitude-2 = Bình thường
rating-a-attitude-1 = Thiếu tôn trọng, hách dịch, gây khó dễ
rating-q-guidance = Cán bộ hướng dẫn hồ sơ, thủ tục có rõ ràng không?
rating-a-guidance-4 = Rất rõ ràng, đầy đủ
rating-a-guidance-3 = Rõ ràng
rating-a-guidance-2 = Tạm được
rating-a-guidance-1 = Không rõ, phải đi lại nhiều lần
rating-q-extra = Anh/chị có bị yêu cầu hoặc gợi ý chi thêm tiền ngoài phí, lệ phí quy định không?
rating-a-extra-yes = Có
rating-a-extra-no = Không
rating-q-comment = Anh/chị có góp ý gì thêm không? Gõ góp ý, hoặc bấm "Bỏ qua".

rating-alert = Cảnh báo đánh giá: hồ sơ { $code } ({ $procedure }, { $commune }) — { $overall ->
    [1] người dân KHÔNG HÀI LÒNG
    [2] mức Bình thường
    [3] mức Hài lòng
   *[4] mức Rất hài lòng
}{ $extra ->
    [yes] ; người dân cho biết BỊ GỢI Ý CHI THÊM TIỀN
   *[other] {""}
}.{ $hasComment ->
    [yes] {" "}Góp ý: "{ $comment }"
   *[other] {""}
}
    Đề nghị xem xét, làm rõ và phản hồi người dân.

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
    Lượt đánh giá: { $rated } (tỷ lệ đánh giá { $ratingRatePct })
      • rất hài lòng: { $veryHappy }
      • hài lòng: { $happy }
      • bình thường: { $neutral }
      • không hài lòng: { $unhappy }
    Tỷ lệ hài lòng (rất hài lòng + hài lòng): { $satisfiedPct }
    Phản ánh bị gợi ý chi thêm tiền: { $extra }
