## Complaints (feedback and petitions): filing, handling, tracking, public results.

complaints-cmd-phananh = report a problem: attitude, delays, being asked to pay extra…
complaints-cmd-tracuu = check a complaint's status by its code (PA-…)
complaints-cmd-congkhai = see published complaint results
complaints-cmd-xuly = view and handle a complaint by its code
complaints-cmd-list = open complaints and their deadlines

## Filing

complaints-ask-commune = Which commune or ward office is this about? Choose below or type the commune's code or name.
complaints-ask-commune-typed = Which commune or ward office is this about? Type the commune's code or name (for example: Tân Tiến).
complaints-commune-unknown = No commune or ward matches "{ $typed }". Please check the name or code and type it again.
complaints-commune-several = Several communes match "{ $typed }". Please choose the right one:
complaints-ask-category = About { $commune }. What is the problem?
complaints-category-pick = Please choose a kind of problem with the buttons below.
complaints-ask-description = Please describe what happened: when, where, and what (at most { $max } characters). There is no need to give a phone number or ID number.
complaints-description-empty = The description is empty. Please write a few sentences so that the officials understand and can act.
complaints-description-too-long = The description is { $length } characters long, more than the { $max } allowed. Please shorten it and send it again.
complaints-ask-photo = If you have a photo as evidence, send it now. If not, press "Skip".
complaints-photo-expected = I am waiting for a photo. Send one, or press "Skip" if you have none.
complaints-photo-received = Received { $count } photo(s) or file(s).
complaints-ask-dossier = Is this about an application you submitted? Type its code (printed on the receipt), or press "Skip".
complaints-dossier-unknown = No application with code "{ $code }" was found at { $commune }. Please check the code on the receipt, or press "Skip".
complaints-dossier-link-unknown = No application with code "{ $code }" was found. You can still file your complaint as usual.
complaints-ask-anonymity =
    Last step: how do you want to send it?
    • Anonymously: the commune's officials and leaders will NEVER know who sent it. You still get the results here.
    • With your name: the officials handling it and the leaders responsible for { $commune } see your name ({ $name }) so they can contact you if needed.
    Either way, the published results never show who reported or the original text.{ $dossier ->
    [yes] {" "}Note: since it is linked to an application, only the leaders handle it; they see the application's code, which may help identify you. To stay fully anonymous, send /huy and file again without the application.
   *[no] {""}
}
complaints-anonymity-pick = Please choose "Send anonymously" or "Send with my name" with the buttons below.
complaints-button-skip = Skip
complaints-button-anonymous = Send anonymously (nobody knows it was me)
complaints-button-named = Send with my name
complaints-filed =
    Your complaint has been received. Complaint code: { $code }
    Deadline: { $due } ({ $days } working days).
    You will be told of every step; you can check it at any time with /tracuu { $code }
complaints-filed-anonymous = Sent anonymously: the commune's officials cannot see who you are.
complaints-filed-route = { $level ->
    [leadership] { $outcome ->
        [told] This complaint is handled by the leaders: it went straight to them; the officials concerned do not receive it.
       *[held] This complaint is handled by the leaders, but no leader of the commune (or province) receives messages through this service yet. It is kept and handed to the first leader who joins; the officials concerned do not receive it. If it is urgent, you can go to the commune's citizen reception office.
    }
   *[commune] No official or leader of the commune receives messages through this service yet. Your complaint is kept and handed to the first leader who joins.
}
complaints-limit-reached = You have already sent { $limit } complaints today, the most allowed per day. Please send more tomorrow, or go to the citizen reception desk of the commune office.
complaints-legal-redirect =
    What you describe is a legal complaint or a denunciation. These are handled under the Law on Complaints and the Law on Denunciations, not through this feedback channel.
    Please send a written petition to, or visit, the citizen reception office (Ban tiếp công dân) of the commune or ward where it happened, during office hours.
complaints-legal-redirect-place = Address: { $address }
complaints-legal-redirect-phone = Phone: { $phone }

## Showing a complaint

complaints-card-title = 📋 Complaint { $code }
complaints-card-status = Status: { $status }
complaints-card-commune = Handled by: { $commune }
complaints-card-category = Kind: { $category }
complaints-card-dates = Filed: { $filed } · Deadline: { $due }{ $overdue ->
    [yes] {" "}(overdue)
   *[no] {""}
}
complaints-card-forward-due = Deadline to forward it if outside the commune's competence: { $due }
complaints-card-reporter = Reported by: { $reporter }
complaints-reporter-anonymous = anonymous (nobody may know who sent it)
complaints-reporter-account = a citizen (account no. { $id })
complaints-card-dossier = Related application: { $code }
complaints-card-dossier-anonymous = Related application: { $code } — ⚠️ anonymous complaint: this application may identify the reporter. Do not look up who filed it, and do not pass this code to the officials who received or handled it.
complaints-card-leadership = Handled by the leaders (about staff, or linked to an application): officials may not see it; whoever received or handled the linked application must not learn of it.
complaints-card-attachments = Photos and files ({ $count }): { $refs }
complaints-card-text = What was reported:
complaints-card-resolution = Resolution: { $resolution }
complaints-card-history = History:
complaints-status = { $status ->
    [new] New, waiting for an official
    [acknowledged] Taken up by an official, in progress
    [waiting_citizen] Waiting for the reporter's reply
    [answered] Answered by an official, being completed
    [forwarded] Forwarded to the competent office
    [reopened] The reporter asked for a second look
    [resolved] Resolved
    [rejected] Not handled (with a reason)
   *[other] { $status }
}
complaints-event = { $kind ->
    [filed] Complaint filed
    [acknowledged] Taken up by an official
    [question] An official asked a question
    [citizen_reply] The reporter replied
    [answered] An official answered
    [resolved] Resolved
    [forwarded] Forwarded
    [rejected] Not handled
    [reopened] The reporter asked for a second look
    [review_asked] The reporter asked the leaders to review the rejection
    [escalation_held] Overdue; no leader on the system yet, the alert is kept for them
    [satisfied] The reporter is satisfied with the result
    [unsatisfied] The reporter is not satisfied with the result
    [reminded] Officials reminded: deadline near
    [escalated] Overdue, reported to the leaders
   *[other] { $kind }
}
complaints-not-found = No complaint "{ $code }" was found among those you may see. Please check the code (like PA-2611-ABCDE).
complaints-xuly-usage = Type /xuly with a complaint code, for example: /xuly PA-2611-ABCDE. See open complaints with /phananh_ds.
complaints-mine-none = You have not filed any complaint yet. File one with /phananh.
complaints-mine-title = Complaints you have filed (choose one for details):

## Handling (officials and managers)

complaints-leadership-only = This complaint is handled by the commune's leaders (about an official's conduct, or linked to an application); it is not part of what you are responsible for, so you cannot see or handle it. Nothing was changed.
complaints-out-of-scope = This complaint does not belong to the commune you are responsible for, so you cannot view or handle it. Nothing was changed.
complaints-wrong-state = Complaint { $code } is "{ complaints-status }", so this step is not possible. Nothing was changed.
complaints-changed-meanwhile = Someone else has just updated this complaint. Open it again with /xuly { $code } to see where it stands.
complaints-button-acknowledge = ✅ Take it up
complaints-button-question = ❓ Ask the reporter
complaints-button-answer = 💬 Answer the reporter
complaints-button-resolve = 🏁 Resolved (publish the result)
complaints-button-forward = ↪️ Forward to another commune
complaints-button-reject = ⛔ Do not handle (give a reason)
complaints-button-view = View and handle
complaints-ask-question = Type your question for the reporter (they answer by message; if anonymous, you still will not know who they are).
complaints-ask-answer = Type your answer to the reporter.
complaints-ask-resolution = Type a summary of the resolution. This summary is PUBLISHED for everyone: do not include the reporter's name, phone number or private details.
complaints-ask-reject = Type the reason for not handling it (the reporter receives this reason).
complaints-ask-forward = Forward complaint { $code } to which commune or ward? Choose below or type its code or name.
complaints-ask-forward-typed = Forward complaint { $code } to which commune or ward? Type its code or name.
complaints-forward-same = The complaint is already with this commune. Please choose another one.
complaints-note-empty = The text is empty. Please type a few sentences.
complaints-note-too-long = The text is { $length } characters long, more than { $max }. Please shorten it.
complaints-done = { $action ->
    [acknowledge] You have taken up complaint { $code }. A message to the reporter is on its way.
    [question] Your question about { $code } is on its way to the reporter. You will be told of the reply.
    [answer] Your answer about { $code } is on its way to the reporter.
    [resolve] Complaint { $code } is marked resolved; the result is published and the reporter is asked for their opinion.
    [forward] Complaint { $code } was forwarded to { $commune }; a message to the reporter is on its way.
    [reject] Complaint { $code } is marked not handled; the reason is on its way to the reporter.
   *[other] Complaint { $code } updated.
}
complaints-list-title = Open complaints ({ $count }), nearest deadline first:
complaints-list-item = { $code } · { $category } · { $status } · due { $due }{ $overdue ->
    [yes] {" "}⚠️ overdue
   *[no] {""}
}
complaints-list-empty = No open complaints. 👍
complaints-list-more = … and { $count } more.

## Pushes (outbox)

complaints-notify-new = 📥 New complaint { $code } about { $commune } — kind: { $category }. Deadline: { $due }.{ $level ->
    [leadership] {" "}About staff or linked to an application: only the leaders handle it; do not pass it to the officials concerned.
   *[commune] {""}
} Press the button below or type /xuly { $code } to view and handle it.
complaints-notify-forwarded-in = 📥 Complaint { $code } was forwarded to { $commune } — kind: { $category }. Deadline: { $due }. Type /xuly { $code } to view and handle it.
complaints-notify-citizen-reply = 💬 The reporter answered the question about complaint { $code }. Type /xuly { $code } to see it.
complaints-notify-review = 🔁 The reporter asks the leaders to review complaint { $code }, which was marked "not handled". From now on only the leaders handle it. New deadline: { $due }. Type /xuly { $code } to see why.
complaints-alert-rejected = ⛔ Complaint { $code } ({ $commune }, kind: { $category }) was just marked "not handled" by { $by }. Reason: { $reason }
    The reporter may ask the leaders to review it. Type /xuly { $code } to view it.
complaints-notify-reopened = 🔁 The reporter asked for a second look at complaint { $code }. New deadline: { $due }. Type /xuly { $code } to see why.
complaints-notify-citizen = { $kind ->
    [acknowledged] Your complaint { $code } has been taken up by an official and is in progress.
    [question] An official has a question about complaint { $code }:
    [answered] An official answered complaint { $code }:
    [resolved] Complaint { $code } has been resolved. Result:
    [forwarded] Complaint { $code } was outside the receiving office's competence and has been forwarded to { $commune }. New deadline: { $due }.
    [rejected] Complaint { $code } will not be handled. Reason:
   *[other] Complaint { $code } has been updated.
}
complaints-question-how = Reply with your next message, or press "Reply" below.
complaints-satisfaction-ask = Are you satisfied with this result? If not, you may ask once for a second look within { $days } days.
complaints-button-reply = Reply
complaints-button-satisfied = 😊 Satisfied
complaints-button-unsatisfied = 😞 Not satisfied
complaints-button-reopen = 🔁 Ask for a second look
complaints-button-review = 🔁 Ask the leaders to review
complaints-review-how = If you disagree, press the button below within { $days } days to ask the commune's leaders to review it (once).
complaints-remind = ⏰ Complaint { $code } ({ $commune }) is due soon: { $due }. Type /xuly { $code } to handle it.
complaints-escalate = 🚨 Complaint { $code } of { $commune } is past its deadline ({ $due }) without a result. Type /xuly { $code } to see it.

## Citizen replies, satisfaction, reopening

complaints-ask-reply = Type your reply to the official about complaint { $code }.
complaints-reply-sent = Your reply was sent to the official handling complaint { $code }.
complaints-no-question = Complaint { $code } has no question waiting for your reply.
complaints-satisfaction-thanks = { $satisfied ->
    [yes] Thank you for your opinion. All the best!
   *[no] Thank you for your opinion. If you wish, you may ask once for a second look at the complaint.
}
complaints-not-resolved = Complaint { $code } is not resolved yet, so it cannot be rated or reopened.
complaints-ask-reopen = Please tell us why the resolution of complaint { $code } is not satisfactory (a second look can be asked for only once).
complaints-ask-review = Please tell us why you ask the leaders to review complaint { $code } (this can be asked only once).
complaints-review-sent = { $outcome ->
    [told] Your request to review complaint { $code } went to the commune's leaders. New deadline: { $due }.
   *[held] Your request to review complaint { $code } is recorded. No leader receives messages through this service yet; it is kept and handed to the first leader who joins. New deadline: { $due }.
}
complaints-reopened = Your request for a second look at complaint { $code } was sent. New deadline: { $due }.
complaints-reopen-used = Complaint { $code } has already had its second look; each complaint can be reopened only once. If you still disagree, you may petition the citizen reception office of the commune.
complaints-reopen-expired = More than { $days } days have passed since complaint { $code } was resolved, so it can no longer be reopened. You can file a new complaint with /phananh.

## Public results

complaints-public-intro = How citizens' feedback was resolved in { $year }. Reporters' names and the original texts are never published.
complaints-public-received = Received
complaints-public-resolved = Resolved
complaints-public-ontime = On time
complaints-public-avgdays = Average (working days)
complaints-public-none = No complaint has been resolved in { $year } yet.
complaints-public-item-dates = Filed { $filed } · Resolved { $resolved } · { $days } working days
complaints-public-unknown-commune = No commune or ward has the code "{ $code }".
complaints-public-bad-year = Invalid year. Example: ?nam=2026
complaints-public-chat-figures = { $commune }: received { $received }, resolved { $resolved }, on time { $ontime }, average { $avg } working days.
complaints-public-chat-item = { $code } · { $category } · filed { $filed }, resolved { $resolved } ({ $days } working days): { $summary }
complaints-public-chat-link = See everything at { $url }
complaints-public-chat-usage = Type /congkhai with a commune code to see its results, for example: /congkhai { $example }
complaints-no-value = —
