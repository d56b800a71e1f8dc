## Conversation core: greetings, help, roles, errors.

welcome = { $role ->
    [official] Xin chào anh/chị cán bộ! Tôi là trợ lý "Chính quyền thân thiện" của xã.
    [manager] Xin chào anh/chị lãnh đạo! Tôi là trợ lý "Chính quyền thân thiện".
   *[other] Xin chào! Tôi là trợ lý "Chính quyền thân thiện" của UBND xã, phường. Anh/chị cứ hỏi về thủ tục hành chính bằng lời của mình, ví dụ: "làm giấy khai sinh cho con cần gì".
}
help-intro = { $role ->
    [official] Các lệnh dành cho cán bộ:
    [manager] Các lệnh dành cho lãnh đạo:
    [admin] Các lệnh dành cho quản trị:
   *[other] Anh/chị có thể dùng các lệnh sau:
}
help-ask = Hoặc gõ câu hỏi về thủ tục (có dấu hay không dấu đều được).
cmd-help = xem hướng dẫn và danh sách lệnh
cmd-lang = đổi ngôn ngữ (Tiếng Việt / English)
cmd-cancel = hủy thao tác đang làm dở
cancelled = Đã hủy thao tác đang làm dở.
unknown-command = Tôi chưa hiểu lệnh { $command }.
button-expired = Nút này đã hết hiệu lực. Anh/chị vui lòng bắt đầu lại.
start-link-unknown = Đường liên kết này không hợp lệ hoặc đã hết hạn.
error-generic = Xin lỗi, hệ thống đang gặp sự cố khi xử lý yêu cầu. Anh/chị vui lòng thử lại sau ít phút.
error-too-long = Tin nhắn quá dài (tối đa { $max } ký tự). Anh/chị vui lòng viết ngắn gọn hơn.
lang-choose = Chọn ngôn ngữ / Choose a language:
lang-set = Đã chuyển sang Tiếng Việt.
role-citizen = người dân
role-official = cán bộ, công chức xã
role-manager = lãnh đạo, quản lý
role-admin = quản trị hệ thống
refused-role = Xin lỗi, lệnh này chỉ dành cho { $allowed }. Tài khoản của anh/chị đang là { $role }.
refused-hint-signup = Nếu anh/chị là cán bộ, hãy gửi /dangky kèm mã mời do quản trị cấp.
console-banner = Trò chuyện trên cửa sổ lệnh với tư cách người dùng "{ $user }". Gõ số để bấm nút, /thoat để thoát.
console-start = Dịch vụ đang chạy (kiểm tra: { $url }/healthz). Chưa cấu hình Telegram hay Zalo nên mở kênh trò chuyện trên cửa sổ lệnh.
console-file-saved = [tệp đã lưu: { $path } ({ $bytes } byte)]
console-image-saved = [ảnh đã lưu: { $path } — { $alt }]
rate-limited = Anh/chị đang gửi tin nhắn quá nhanh. Vui lòng chờ một phút rồi gửi tiếp.
