## Dossiers: registration at the desk, status, following, late results and apologies.

dossier-cmd-hoso = tiếp nhận hồ sơ mới, in mã đánh giá cho người dân
dossier-cmd-xong = báo hồ sơ đã có kết quả: /xong <mã hồ sơ>
dossier-cmd-tra = báo đã trả kết quả cho người dân: /tra <mã hồ sơ>
dossier-cmd-trehan = gửi phiếu xin lỗi, hẹn lại ngày trả: /trehan <mã hồ sơ>

dossier-usage-xong = Anh/chị gõ kèm mã hồ sơ, ví dụ: /xong HS-260302-ABCD
dossier-usage-tra = Anh/chị gõ kèm mã hồ sơ, ví dụ: /tra HS-260302-ABCD
dossier-usage-trehan = Anh/chị gõ kèm mã hồ sơ, ví dụ: /trehan HS-260302-ABCD
dossier-no-commune = Tài khoản của anh/chị chưa được gắn với xã, phường nào nên chưa dùng được lệnh này. Anh/chị vui lòng liên hệ quản trị để được cấp lại mã mời.
dossier-not-found = Không tìm thấy hồ sơ { $code } của xã, phường mình. Anh/chị kiểm tra lại mã hồ sơ giúp.

dossier-status = { $status ->
    [done] Đã có kết quả, chờ người dân đến nhận
    [returned] { $outcome ->
        [early] Đã trả kết quả (trước hạn)
        [on_time] Đã trả kết quả (đúng hạn)
        [late] Đã trả kết quả (trễ hạn)
       *[other] Đã trả kết quả
    }
   *[other] Đang giải quyết
}
dossier-card =
    Hồ sơ { $code }
    Thủ tục: { $procedure }
    Nơi tiếp nhận: { $commune }
    Ngày nhận: { $received }
    Hẹn trả kết quả: { $due }
    Tình trạng: { dossier-status }
dossier-card-new-due = Ngày hẹn trả mới (đã có phiếu xin lỗi): { $due }

dossier-open-unknown = Mã hoặc đường liên kết này không đúng. Anh/chị vui lòng kiểm tra lại mã in trên giấy tiếp nhận hồ sơ.
dossier-open-too-many = Anh/chị đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau một giờ, hoặc hỏi Bộ phận Một cửa để được in lại giấy tiếp nhận.
dossier-open-expired = Mã đánh giá của hồ sơ này đã hết hạn. Nếu cần góp ý, anh/chị có thể gửi phản ánh bằng lệnh /phananh.
dossier-open-used = Hồ sơ này đã được đánh giá. Cảm ơn anh/chị đã góp ý!
dossier-open-follow-invite = Bấm "Theo dõi hồ sơ" để được báo khi có kết quả, khi trả kết quả hoặc nếu hồ sơ bị chậm.
dossier-open-following = Anh/chị đang theo dõi hồ sơ này; tôi sẽ báo khi có thay đổi.
dossier-open-rate-invite = Hồ sơ đã trả kết quả. Mời anh/chị dành một phút đánh giá mức độ hài lòng.
dossier-button-follow = Theo dõi hồ sơ
dossier-followed = Đã theo dõi hồ sơ { $code }. Tôi sẽ nhắn anh/chị khi hồ sơ có kết quả, khi trả kết quả, hoặc nếu bị chậm so với ngày hẹn.

dossier-push-done = Hồ sơ { $code } ({ $procedure }) đã có kết quả. Mời anh/chị đến nhận tại { $place } trong giờ hành chính, nhớ mang theo giấy tiếp nhận hồ sơ.
dossier-push-overdue = Hồ sơ { $code } đã quá ngày hẹn trả kết quả ({ $due }). Bộ phận một cửa đã được nhắc và sẽ báo anh/chị ngày trả mới. Chúng tôi thành thật xin lỗi vì sự chậm trễ.

dossier-status-unchanged = Hồ sơ { $code } đã ở trạng thái: { $status ->
    [done] đã có kết quả
    [returned] đã trả kết quả
   *[other] đang giải quyết
}. Không có gì thay đổi.
dossier-done-ok = Đã ghi nhận hồ sơ { $code } có kết quả. { $told ->
    [yes] Tin nhắn mời người dân đến nhận đang được gửi; nếu tin không đến được, anh/chị sẽ được báo.
   *[other] Người dân chưa theo dõi hồ sơ trên Zalo/Telegram, anh/chị vui lòng báo bằng cách khác.
}
dossier-returned-ok = Đã trả kết quả hồ sơ { $code }: { $outcome ->
    [early] trước hạn
    [on_time] đúng hạn
   *[late] trễ hạn
}. { $told ->
    [yes] Lời mời đánh giá đang được gửi cho người dân; nếu tin không đến được, anh/chị sẽ được báo.
   *[other] Người dân chưa theo dõi hồ sơ; anh/chị mời họ quét mã QR hoặc nhắn mã Zalo trên giấy tiếp nhận để đánh giá.
}

dossier-hoso-ask-procedure = Hồ sơ thuộc thủ tục nào? Anh/chị gõ tên hoặc vài từ khóa, ví dụ: "khai sinh", "chứng thực bản sao".
dossier-hoso-no-procedure = Không tìm thấy thủ tục phù hợp. Anh/chị thử gõ từ khóa khác.
dossier-hoso-pick-procedure = Anh/chị chọn thủ tục (hoặc gõ từ khóa khác để tìm lại):
dossier-hoso-ask-name = Thủ tục: { $procedure }
    Họ tên người nộp hồ sơ? (không bắt buộc; chỉ cán bộ xem được)
dossier-hoso-name-too-long = Họ tên dài quá { $max } ký tự, anh/chị gõ ngắn gọn lại giúp.
dossier-hoso-ask-due = { $known ->
    [yes] Hạn trả kết quả theo quy định ({ $days } ngày làm việc): { $due }.
   *[other] Thủ tục chưa có thời hạn trong danh mục; tạm tính { $days } ngày làm việc: { $due }.
}
    Bấm "Giữ ngày này", hoặc gõ ngày hẹn khác theo dạng dd/mm/yyyy.
dossier-hoso-bad-date = Tôi chưa hiểu ngày này. Anh/chị gõ theo dạng ngày/tháng/năm, ví dụ 15/03/2026.
dossier-hoso-confirm =
    Xác nhận tiếp nhận hồ sơ:
    Thủ tục: { $procedure }
    Người nộp: { $hasName ->
        [yes] { $name }
       *[other] (không ghi)
    }
    Hẹn trả kết quả: { $due }
dossier-button-skip = Bỏ qua
dossier-button-keep-due = Giữ ngày này
dossier-button-confirm = Xác nhận
dossier-button-cancel = Hủy
dossier-registered =
    Đã tiếp nhận hồ sơ { $code }.
    Thủ tục: { $procedure }
    Hẹn trả kết quả: { $due }

    In hoặc đưa cho người dân để theo dõi hồ sơ và đánh giá sau khi nhận kết quả:
    { $link ->
        [none] • Nhắn mã { $zaloCode } cho Zalo OA của xã (hoặc cho bot này).
       *[other] • Telegram: quét mã QR hoặc mở { $link }
        • Zalo: nhắn mã { $zaloCode } cho Zalo OA của xã.
    }

dossier-qr-alt = Mã QR của hồ sơ { $code }: quét để theo dõi hồ sơ và đánh giá sau khi nhận kết quả.
dossier-problem-due_in_past = Ngày hẹn đã qua. Anh/chị chọn một ngày từ hôm nay trở đi; chưa có gì được lưu.
dossier-problem-due_not_working_day = Ngày này là ngày nghỉ (thứ Bảy, Chủ nhật hoặc ngày lễ). Anh/chị chọn một ngày làm việc.
dossier-problem-received_in_future = Thời điểm tiếp nhận nằm ở tương lai. Anh/chị kiểm tra lại.
dossier-problem-received_too_early = Thời điểm tiếp nhận trước năm 2000. Anh/chị kiểm tra lại.
dossier-problem-due_too_far = Ngày hẹn trả cách ngày tiếp nhận hơn 2 năm. Anh/chị kiểm tra lại.
dossier-problem-unknown_procedure = Không tìm thấy thủ tục này trong danh mục.
dossier-problem-unknown_commune = Không tìm thấy xã, phường này.
dossier-problem-code_taken = Mã hồ sơ này đã được dùng cho một hồ sơ khác.
dossier-problem-link_lost = Hồ sơ đã có nhưng không thể cấp lại đường liên kết đánh giá.

dossier-delay-closed = Hồ sơ { $code } đã { $status ->
    [returned] trả kết quả
   *[other] có kết quả
}, không cần phiếu xin lỗi.
dossier-delay-ask-reason = Hồ sơ { $code }, hẹn trả { $due }. Lý do chậm trả kết quả là gì? (Lý do sẽ ghi trong phiếu xin lỗi gửi người dân.)
dossier-delay-not-late = ⚠️ Hồ sơ { $code } chưa trễ hạn: hạn trả kết quả là { $due }. Nếu trả kết quả đến hết ngày đó, hồ sơ vẫn được tính là đúng hạn, dù đã gửi phiếu xin lỗi. Chỉ gửi phiếu xin lỗi và hẹn lại khi chắc chắn không kịp. Anh/chị vẫn muốn báo trễ hẹn?
dossier-delay-button-confirm = Vẫn báo trễ hẹn, gửi phiếu xin lỗi
dossier-delay-button-cancel = Không, hồ sơ sẽ kịp hạn
dossier-delay-cancelled = Đã hủy. Hồ sơ { $code } giữ nguyên ngày hẹn, người dân không nhận phiếu xin lỗi.
dossier-delay-reason-length = Lý do cần từ { $min } đến { $max } ký tự.
dossier-delay-ask-date = Ngày hẹn trả kết quả mới? Gõ theo dạng dd/mm/yyyy (phải là ngày làm việc).
dossier-delay-date-not-future = Ngày hẹn mới phải sau hôm nay. Anh/chị gõ lại giúp.
dossier-delay-date-not-later = Ngày hẹn mới phải sau ngày hẹn hiện tại ({ $due }). Anh/chị gõ lại giúp.
dossier-delay-saved = Đã ghi nhận lý do và ngày hẹn mới của hồ sơ { $code }. { $told ->
    [yes] Phiếu xin lỗi đang được gửi cho người dân qua tin nhắn; nếu tin không đến được, anh/chị sẽ được báo.
   *[other] Người dân chưa theo dõi hồ sơ; anh/chị in phiếu dưới đây và gửi cho họ.
}
dossier-apology =
    PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ
    { $commune }

    Mã hồ sơ: { $code }
    Thủ tục: { $procedure }
    Ngày tiếp nhận: { $received }
    Ngày hẹn trả kết quả: { $due }
    Lý do chậm: { $reason }

    { $commune } thành thật xin lỗi anh/chị vì sự chậm trễ này và rất mong anh/chị thông cảm.
    Ngày hẹn trả kết quả mới: { $newDue }
    Nơi trả kết quả: { $place }

dossier-due-intro = Hồ sơ cần chú ý hôm nay ({ $date }):
dossier-due-overdue = Đã quá hạn ({ $count }):
dossier-due-soon = Đến hạn trước hết ngày { $until } ({ $count }):
dossier-due-line = • { $code } — { $procedure } — hạn { $due }
dossier-due-more = … và { $count } hồ sơ khác.
dossier-due-hint = Gõ /tra <mã> khi đã trả kết quả, /trehan <mã> để gửi phiếu xin lỗi và hẹn lại ngày trả.
