## Dossiers: registration at the desk, status, following, late results and apologies.

dossier-cmd-hoso = register a new dossier and print the citizen's rating code
dossier-cmd-xong = mark a dossier's result as ready: /xong <dossier code>
dossier-cmd-tra = mark a result as handed back: /tra <dossier code>
dossier-cmd-trehan = send an apology and a new return date: /trehan <dossier code>

dossier-usage-xong = Please add the dossier code, for example: /xong HS-260302-ABCD
dossier-usage-tra = Please add the dossier code, for example: /tra HS-260302-ABCD
dossier-usage-trehan = Please add the dossier code, for example: /trehan HS-260302-ABCD
dossier-no-commune = Your account is not attached to a commune yet, so this command is not available. Please ask the administrator for a new invitation code.
dossier-not-found = There is no dossier { $code } in your commune. Please check the code.

dossier-status = { $status ->
    [done] Result ready, waiting to be collected
    [returned] { $outcome ->
        [early] Result handed back (early)
        [on_time] Result handed back (on time)
        [late] Result handed back (late)
       *[other] Result handed back
    }
   *[other] Being processed
}
dossier-card =
    Dossier { $code }
    Procedure: { $procedure }
    Received by: { $commune }
    Received on: { $received }
    Result due: { $due }
    Status: { dossier-status }
dossier-card-new-due = New return date (after an apology): { $due }

dossier-open-unknown = This code or link is not valid. Please check the code printed on your dossier receipt.
dossier-open-too-many = Too many wrong codes. Please try again in an hour, or ask the one-stop desk to print your receipt again.
dossier-open-expired = The rating code of this dossier has expired. If you have feedback, you can still send it with /phananh.
dossier-open-used = This dossier has already been rated. Thank you for your feedback!
dossier-open-follow-invite = Press "Follow this dossier" to be told when the result is ready, when it is handed back, or if it is late.
dossier-open-following = You are following this dossier; I will tell you when anything changes.
dossier-open-rate-invite = The result has been handed back. Please take a minute to rate the service.
dossier-button-follow = Follow this dossier
dossier-followed = You now follow dossier { $code }. I will message you when the result is ready, when it is handed back, or if it is late.

dossier-push-done = The result of dossier { $code } ({ $procedure }) is ready. Please collect it at { $place } during office hours and bring your dossier receipt.
dossier-push-overdue = Dossier { $code } has passed its promised date ({ $due }). The one-stop desk has been reminded and will tell you the new date. We sincerely apologise for the delay.

dossier-status-unchanged = Dossier { $code } is already { $status ->
    [done] ready
    [returned] handed back
   *[other] being processed
}. Nothing changed.
dossier-done-ok = Dossier { $code } is marked as ready. { $told ->
    [yes] A message asking the citizen to collect it is on its way; you will be told if it does not arrive.
   *[other] The citizen does not follow the dossier on Zalo/Telegram; please let them know another way.
}
dossier-returned-ok = Dossier { $code } handed back: { $outcome ->
    [early] early
    [on_time] on time
   *[late] late
}. { $told ->
    [yes] The invitation to rate is on its way to the citizen; you will be told if it does not arrive.
   *[other] The citizen does not follow the dossier; invite them to scan the QR code or send the Zalo code on their receipt to rate.
}

dossier-hoso-ask-procedure = Which procedure is this dossier for? Type its name or a few keywords, e.g. "birth registration", "khai sinh".
dossier-hoso-no-procedure = No matching procedure. Please try other keywords.
dossier-hoso-pick-procedure = Choose the procedure (or type other keywords to search again):
dossier-hoso-ask-name = Procedure: { $procedure }
    Name of the person filing? (optional; only officials can see it)
dossier-hoso-name-too-long = The name is longer than { $max } characters; please shorten it.
dossier-hoso-ask-due = { $known ->
    [yes] Result due by law ({ $days } working days): { $due }.
   *[other] The catalogue has no time limit for this procedure; counting { $days } working days: { $due }.
}
    Press "Keep this date", or type another date as dd/mm/yyyy.
dossier-hoso-bad-date = I did not understand that date. Please type day/month/year, e.g. 15/03/2026.
dossier-hoso-confirm =
    Confirm the new dossier:
    Procedure: { $procedure }
    Filed by: { $hasName ->
        [yes] { $name }
       *[other] (not recorded)
    }
    Result due: { $due }
dossier-button-skip = Skip
dossier-button-keep-due = Keep this date
dossier-button-confirm = Confirm
dossier-button-cancel = Cancel
dossier-registered =
    Dossier { $code } registered.
    Procedure: { $procedure }
    Result due: { $due }

    Print or hand this to the citizen, to follow the dossier and rate the service after collecting the result:
    { $link ->
        [none] • Send the code { $zaloCode } to the commune's Zalo OA (or to this bot).
       *[other] • Telegram: scan the QR code or open { $link }
        • Zalo: send the code { $zaloCode } to the commune's Zalo OA.
    }

dossier-qr-alt = QR code of dossier { $code }: scan it to follow the dossier and rate it after the result.
dossier-problem-due_in_past = That date has passed. Please choose today or a later day; nothing was saved.
dossier-problem-due_not_working_day = That day is not a working day (Saturday, Sunday or a public holiday). Please choose a working day.
dossier-problem-received_in_future = The time of receipt is in the future. Please check it.
dossier-problem-received_too_early = The time of receipt is before the year 2000. Please check it.
dossier-problem-due_too_far = The appointment date is more than 2 years after receipt. Please check it.
dossier-problem-unknown_procedure = This procedure is not in the catalogue.
dossier-problem-unknown_commune = This commune does not exist.
dossier-problem-code_taken = This dossier code is already used by another dossier.
dossier-problem-link_lost = The dossier exists but its rating link cannot be issued again.

dossier-delay-closed = Dossier { $code } is already { $status ->
    [returned] handed back
   *[other] ready
}; no apology is needed.
dossier-delay-ask-reason = Dossier { $code }, due { $due }. Why will the result be late? (The reason goes into the apology letter sent to the citizen.)
dossier-delay-not-late = ⚠️ Dossier { $code } is not late yet: it is due { $due }. A result handed back by the end of that day counts as on time, even after an apology. Send the apology and a new date only when you are sure it cannot be ready. Declare it late anyway?
dossier-delay-button-confirm = Declare it late, send the apology
dossier-delay-button-cancel = No, it will be ready in time
dossier-delay-cancelled = Cancelled. Dossier { $code } keeps its date; the citizen gets no apology.
dossier-delay-reason-length = The reason must be { $min } to { $max } characters long.
dossier-delay-ask-date = The new return date? Type it as dd/mm/yyyy (it must be a working day).
dossier-delay-date-not-future = The new date must be after today. Please type it again.
dossier-delay-date-not-later = The new date must be after the current due date ({ $due }). Please type it again.
dossier-delay-saved = The reason and the new date of dossier { $code } are recorded. { $told ->
    [yes] The apology letter is on its way to the citizen; you will be told if it does not arrive.
   *[other] The citizen does not follow the dossier; please print the letter below and give it to them.
}
dossier-apology =
    LETTER OF APOLOGY AND NEW DATE FOR THE RESULT
    { $commune }

    Dossier code: { $code }
    Procedure: { $procedure }
    Received on: { $received }
    Result was due: { $due }
    Reason for the delay: { $reason }

    { $commune } sincerely apologises for this delay and asks for your understanding.
    New return date: { $newDue }
    Place of return: { $place }

dossier-due-intro = Dossiers needing attention today ({ $date }):
dossier-due-overdue = Overdue ({ $count }):
dossier-due-soon = Due by the end of { $until } ({ $count }):
dossier-due-line = • { $code } — { $procedure } — due { $due }
dossier-due-more = … and { $count } more.
dossier-due-hint = Send /tra <code> once a result is handed back, /trehan <code> to send an apology with a new date.
