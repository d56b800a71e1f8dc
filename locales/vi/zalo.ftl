## Kênh Zalo OA: Zalo chỉ hiện tối đa 5 nút trong một tin nhắn, các nút còn lại gửi tiếp theo.

zalo-more-options = Lựa chọn khác ({ $part }/{ $total }):

## Lệnh quản trị: npm run cli -- zalo status | set-tokens

zalo-cli-none = Chưa có mã truy cập Zalo OA. Lấy cặp mã ở developers.zalo.me rồi chạy: npm run cli -- zalo set-tokens --access <mã truy cập> --refresh <mã làm mới>
zalo-cli-title = Mã truy cập Zalo OA
zalo-cli-issued = Cấp lúc: { $at } (cách đây { $age })
zalo-cli-expires = Hết hạn lúc: { $at } (còn { $left })
zalo-cli-expired = Đã hết hạn lúc: { $at }
zalo-cli-due = Tự làm mới từ: { $at }
zalo-cli-error = Lỗi gần nhất ({ $at }): { $error }
zalo-cli-usage = Tin đã gửi tháng { $month }: { $free } tin trả lời miễn phí, { $paid } tin tư vấn tính phí, { $template } tin mẫu (template)
zalo-cli-error-none = Lỗi gần nhất: không có
zalo-cli-hint = Nếu Zalo từ chối mã làm mới, quyền truy cập đã mất: lấy cặp mã mới ở developers.zalo.me rồi chạy zalo set-tokens. Mã truy cập hiện tại vẫn dùng được đến khi hết hạn.
zalo-cli-duration = { $hours } giờ { $minutes } phút
zalo-cli-saved = Đã lưu cặp mã Zalo OA; mã truy cập hết hạn lúc { $at }.
