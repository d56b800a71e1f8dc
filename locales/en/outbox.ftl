## Outbox: the operator's view of pushes that could not be sent.

outbox-cli-dead-none = No dead letters: every push has been sent or is waiting to be sent.
outbox-cli-dead-title = Pushes that could not be sent after several tries ({ $count }):
outbox-cli-dead-row = #{ $id } · { $channel } · { $attempts } tries · created { $created } · error: { $error }
outbox-cli-dead-hint = To send again: npm run cli -- outbox retry <id> or outbox retry --all
outbox-cli-retried = { $count } pushes are back in the sending queue.
outbox-cli-stats = Pushes in the queue by status (pending: waiting, sending: in flight, sent: delivered, held: waiting for the person to write again, dead: given up after several tries):
