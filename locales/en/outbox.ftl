## Outbox: the operator's view of pushes that could not be sent.

outbox-cli-dead-none = No dead letters: every push has been sent or is waiting to be sent.
outbox-cli-dead-title = Pushes that could not be sent after several tries ({ $count }):
outbox-cli-dead-row = #{ $id } · { $channel } · { $attempts } tries · created { $created } · error: { $error }
outbox-cli-dead-hint = To send again: npm run cli -- outbox retry <id> or outbox retry --all
outbox-cli-retried = { $count } pushes are back in the sending queue.
outbox-cli-stats = Pushes in the queue by status (pending: waiting, sending: in flight, sent: delivered, held: waiting for the person to write again, dead: given up after several tries):

## A push an official asked for that did not reach the citizen (src/outbox/undelivered.ts).
outbox-undelivered = ⚠️ { $what ->
    [result_ready] The "result ready" message
    [late_apology] The apology letter with the new date
    [rating_request] The invitation to rate
    [complaint_answered] The answer to the complaint
   *[other] The message
} for dossier { $code } has not reached the citizen: { $why ->
    [held] { $channel } will not deliver it for now (they have not written for 7 days, or they unfollowed), so it waits until they write again.
   *[failed] { $channel } refused to deliver it (they may have blocked or unfollowed the bot).
} Please tell them another way (a call, the printed letter).
