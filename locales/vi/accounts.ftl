## Accounts: sign-up with an invitation code, who am I, the invite tool.

accounts-cmd-dangky = nhận vai trò cán bộ hoặc lãnh đạo bằng mã mời
accounts-cmd-toi = xem tài khoản và vai trò của tôi
accounts-cmd-ten = đổi tên hiển thị của tôi: /ten Nguyễn Văn An
accounts-signup-usage = Anh/chị gửi /dangky kèm mã mời đã được cấp, ví dụ: /dangky ABCD-EFGH
accounts-signup-malformed = Mã mời gồm 8 ký tự (chữ và số), ví dụ ABCD-EFGH. Anh/chị kiểm tra lại mã rồi gửi /dangky kèm mã.
accounts-signup-unknown = Mã mời không đúng. Anh/chị kiểm tra lại từng ký tự, hoặc liên hệ người đã cấp mã. Tài khoản của anh/chị không thay đổi.
accounts-signup-expired = Mã mời này đã hết hạn. Anh/chị đề nghị người cấp mã cấp mã mới. Tài khoản của anh/chị không thay đổi.
accounts-signup-used = Mã mời này đã được sử dụng. Mỗi mã chỉ dùng được một lần; anh/chị đề nghị người cấp mã cấp mã mới. Tài khoản của anh/chị không thay đổi.
accounts-signup-welcome = { $role ->
    [official] Đăng ký thành công! Anh/chị đã là cán bộ, công chức của { $places }.
    [manager] Đăng ký thành công! Anh/chị đã là lãnh đạo, quản lý, theo dõi: { $places }.
   *[other] Đăng ký thành công!
} Tên hiển thị với mọi người: { $name } (đổi bằng /ten).
accounts-whoami-name = Tên: { $name }
accounts-whoami-role = Vai trò: { $role }
accounts-whoami-channel = Kênh: { $channel } (mã người dùng { $id })
accounts-whoami-commune = Xã, phường: { $commune }
accounts-whoami-scope = Phạm vi theo dõi: { $places }
accounts-cli-invite-code = Mã mời: { $code }
accounts-cli-invite-role = { $role ->
    [official] Vai trò: cán bộ, công chức xã — { $places }
   *[manager] Vai trò: lãnh đạo, quản lý — { $places }
}
accounts-cli-invite-expires = Hết hạn: { $expires } (giờ Việt Nam). Mã chỉ dùng được một lần và không được lưu lại, hãy chuyển ngay cho người được mời.
accounts-cli-invite-send = Người được mời gửi cho bot (Zalo, Telegram…): /dangky { $code }
accounts-cli-invite-error = Không tạo được mã mời: { $problem }
accounts-invite-official-one = cán bộ thuộc đúng một xã: cần một --commune và không có --province.
accounts-invite-manager-scope = lãnh đạo cần ít nhất một --commune hoặc một --province.
accounts-invite-unknown-commune = không có xã, phường mã { $codes }.
accounts-invite-unknown-province = không có tỉnh, thành phố mã { $code }.
accounts-unnamed = tài khoản #{ $id } (chưa có tên)
accounts-signup-held = 🔔 Trong lúc chưa có lãnh đạo nào trên hệ thống, có { $count } cảnh báo đã được giữ lại cho phạm vi của anh/chị. Các cảnh báo được gửi ngay sau tin này.
accounts-name-usage = Tên hiển thị hiện tại của anh/chị: { $name }. Để đổi, gõ /ten kèm họ tên, ví dụ: /ten Nguyễn Văn An
accounts-name-bad = Tên cần từ 2 đến { $max } ký tự, không chứa ký tự đặc biệt như < >. Tên của anh/chị chưa thay đổi.
accounts-name-saved = Đã lưu. Từ nay mọi người thấy anh/chị là: { $name }
accounts-invite-bad-name = tên hoặc chức danh cần từ 2 đến { $max } ký tự, không chứa < >.
accounts-cli-invite-person = Người được mời: { $name }
