## Kênh Zalo Bot (không cần Official Account): nền tảng này không có nút bấm, nên các lựa chọn được
## đánh số và người dân trả lời bằng số.

zalobot-choose = Trả lời bằng một số để chọn.
# Tệp (ví dụ báo cáo Excel) không gửi được qua Zalo Bot: gửi đường liên kết tải về, có hạn.
zalobot-file-link = 📎 { $name }: { $url } (tải về trong vòng { $minutes } phút)
zalobot-file-unavailable = 📎 Tệp { $name } không gửi được qua Zalo Bot. Vui lòng dùng Telegram hoặc liên hệ Bộ phận Một cửa.
