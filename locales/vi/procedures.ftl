## Procedures: search answers, browsing, the procedure card.

cmd-thutuc = tra cứu thủ tục hành chính theo lĩnh vực
browse-fields = Anh/chị muốn tìm thủ tục thuộc lĩnh vực nào?
browse-field = Lĩnh vực { $field } có { $count } thủ tục. Chọn một thủ tục để xem chi tiết:
search-no-match = Xin lỗi, tôi chưa tìm thấy thủ tục phù hợp với câu hỏi của anh/chị. Anh/chị có thể chọn lĩnh vực bên dưới hoặc hỏi lại bằng cách khác (ví dụ: "đăng ký tạm trú cần giấy tờ gì").
desk-contact = Anh/chị cũng có thể liên hệ trực tiếp Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của UBND xã, phường nơi cư trú trong giờ hành chính, từ thứ Hai đến thứ Sáu.
card-field = Lĩnh vực
card-documents = Hồ sơ cần chuẩn bị
card-fee = Lệ phí
card-fee-province = (Mức cụ thể do HĐND tỉnh quy định, có thể khác nhau giữa các tỉnh.)
card-time = Thời hạn giải quyết
card-place = Nơi nộp
card-online = Nộp trực tuyến
card-legal = Căn cứ pháp lý
card-verify = ⚠️ Một số thông tin cần được xác nhận lại với Bộ phận Một cửa trước khi nộp hồ sơ.
card-alternatives = Có thể anh/chị đang hỏi về:
place-desk = Bộ phận Một cửa, UBND xã, phường
place-police = Công an xã, phường (không nộp tại Bộ phận Một cửa của UBND)
