## Outbox: the operator's view of pushes that could not be sent.

outbox-cli-dead-none = Không có tin nào bị bỏ: mọi tin đã gửi hoặc đang chờ gửi.
outbox-cli-dead-title = Tin không gửi được sau nhiều lần thử ({ $count }):
outbox-cli-dead-row = #{ $id } · { $channel } · { $attempts } lần thử · tạo lúc { $created } · lỗi: { $error }
outbox-cli-dead-hint = Gửi lại: npm run cli -- outbox retry <số> hoặc outbox retry --all
outbox-cli-retried = Đã đưa { $count } tin trở lại hàng đợi gửi.
outbox-cli-stats = Số tin trong hàng đợi theo trạng thái (pending: chờ gửi, sending: đang gửi, sent: đã gửi, held: chờ người nhận nhắn lại, dead: bỏ sau nhiều lần thử):
