## Free text answered before the search: complaints, "my dossier", greetings, thanks.

intent-complaint-apology = { $category ->
    [known] Xin lỗi anh/chị vì sự việc này. Anh/chị có thể gửi phản ánh ({ $label }) để xã xem xét, trả lời và công khai kết quả; có thể gửi ẩn danh.
   *[other] Xin lỗi anh/chị vì trải nghiệm chưa tốt. Anh/chị có thể gửi phản ánh để xã xem xét, trả lời và công khai kết quả; có thể gửi ẩn danh.
}
intent-complaint-file = { $label ->
    [none] Gửi phản ánh
   *[other] Gửi phản ánh: { $label }
}
intent-dossier-followed = { $count ->
    [1] Hồ sơ anh/chị đang theo dõi:
   *[other] Các hồ sơ anh/chị đang theo dõi:
}
intent-dossier-ask-code = Anh/chị chưa theo dõi hồ sơ nào. Anh/chị gửi mã in trên giấy tiếp nhận hồ sơ (ví dụ ABCD-2345) để tôi tra cứu tình trạng và báo khi có kết quả.
intent-greeting = Xin chào anh/chị! Anh/chị cần hỏi thủ tục gì ạ? Ví dụ: "làm giấy khai sinh cho con cần gì".
intent-thanks = Không có gì ạ! Anh/chị cần hỏi thêm cứ nhắn cho tôi.
