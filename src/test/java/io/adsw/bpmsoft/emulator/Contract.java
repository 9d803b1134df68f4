package io.adsw.bpmsoft.emulator;

/**
 * The contract's messages, copied here word for word from SPEC.md and the integration
 * note, so that a slip in the service's own copy fails the tests.
 */
public final class Contract {

	public static final String FORBIDDEN = "Выполнение запрещено. Проверьте все необходимые данные";

	public static final String ID_CRM_EMPTY = "Значение поля id_crm не может быть пустым";

	public static final String CHAIN_EMPTY = "Значение поля chain_of_approval не может быть пустым";

	public static final String APPROVER_EMPTY = "Значение поля approver не может быть пустым";

	public static final String RESOLUTION_EMPTY = "Значение поля resolution не может быть пустым";

	public static final String RESOLUTION_INVALID = "Значение поля resolution должно быть «Согласовано» или «Отклонено»";

	public static final String INTERNAL_ERROR = "Ошибка в процессе обработки";

	/** The stand's own, for a request the web server could not read (README). */
	public static final String MALFORMED_REQUEST = "Некорректный HTTP-запрос: веб-сервер не смог разобрать его адрес, заголовки или тело";

	/** The stand's own, for a request whose client stopped sending it (README). */
	public static final String REQUEST_NOT_RECEIVED = "Запрос не получен полностью: клиент перестал передавать его до конца";

	private Contract() {
	}

	public static String approvalNotFound(String id) {
		return "Согласование с Id " + id + " не найдено в системе BPMSoft. Проверьте корректность запроса";
	}

	public static String contactNotFound(String email) {
		return "Контакт с email " + email + " не найден в системе. Проверьте корректность запроса";
	}

	public static String notInProgress(String id, String email, String status) {
		return "Решение согласующего с email " + email + " не принято: согласование с Id " + id
				+ " не находится в процессе согласования (статус «" + status + "»)";
	}

	public static String notAnApprover(String id, String email) {
		return "Контакт с email " + email + " не является согласующим в текущей цепочке согласования с Id " + id;
	}

	public static String notTheirTurn(String id, String email, String awaited) {
		return "Решение согласующего с email " + email + " не принято: по согласованию с Id " + id
				+ " сейчас ожидается решение согласующего с email " + awaited;
	}

	public static String alreadyDecided(String id, String email, String resolution) {
		return "Согласующий с email " + email + " уже вынес решение «" + resolution + "» по согласованию с Id " + id;
	}

}
