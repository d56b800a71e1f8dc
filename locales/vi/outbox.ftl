## Outbox: the operator's view of pushes that could not be sent.

outbox-cli-dead-none = Không có tin nào bị bỏ: mọi tin đã gửi hoặc đang chờ gửi.
outbox-cli-dead-title = Tin không gửi được sau nhiều lần thử ({ $count }):
outbox-cli-dead-row = #{ $id } · { $channel } · { $attempts } lần thử · tạo lúc { $created } · lỗi: { $error }
outbox-cli-dead-hint = Gửi lại: npm run cli -- outbox retry <số> hoặc outbox retry --all
outbox-cli-retried = Đã đưa { $count } tin trở lại hàng đợi gửi.
outbox-cli-stats = Số tin trong hàng đợi theo trạng thái (pending: chờ gửi, sending: đang gửi, sent: đã gửi, held: chờ người nhận nhắn lại, dead: bỏ sau nhiều lần thử):

## A push an official asked for that did not reach the citizen (src/outbox/undelivered.ts).
outbox-undelivered = ⚠️ { $what ->
    [result_ready] Tin báo có kết quả
    [late_apology] Phiếu xin lỗi, hẹn lại ngày trả
    [rating_request] Lời mời đánh giá
    [complaint_answered] Tin trả lời phản ánh
   *[other] Tin nhắn
} của hồ sơ { $code } chưa đến được người dân: { $why ->
    [held] { $channel } chưa cho gửi tin tới họ (họ chưa nhắn lại trong 7 ngày, hoặc đã bỏ theo dõi), nên tin chờ đến khi họ nhắn lại.
   *[failed] { $channel } từ chối gửi (có thể họ đã chặn hoặc bỏ theo dõi).
} Anh/chị vui lòng báo cho họ bằng cách khác (gọi điện, gửi phiếu in).
