package io.adsw.bpmsoft.emulator.elma;

import java.text.MessageFormat;

import io.adsw.bpmsoft.emulator.approval.ApprovalRuleViolation;
import io.adsw.bpmsoft.emulator.approval.ApprovalStatus;
import io.adsw.bpmsoft.emulator.approval.Resolution;

/**
 * Every {@code error_message} ElmaService answers with. Those of the integration note are
 * word for word as BPMSoft sends them; the others are this emulator's, for cases the note
 * leaves open.
 */
public final class ElmaMessages {

	/** The key header is missing or wrong (integration note). */
	public static final String FORBIDDEN = "Выполнение запрещено. Проверьте все необходимые данные";

	/** Empty body, or no {@code id_crm} (integration note). */
	public static final String ID_CRM_EMPTY = "Значение поля id_crm не может быть пустым";

	/** Integration note. */
	public static final String CHAIN_EMPTY = "Значение поля chain_of_approval не может быть пустым";

	/** Integration note. */
	public static final String APPROVER_EMPTY = "Значение поля approver не может быть пустым";

	/** Integration note. */
	public static final String RESOLUTION_EMPTY = "Значение поля resolution не может быть пустым";

	public static final String RESOLUTION_INVALID = "Значение поля resolution должно быть «Согласовано» или «Отклонено»";

	/** Integration note; {0} is the id as sent, trimmed. */
	public static final String APPROVAL_NOT_FOUND = "Согласование с Id {0} не найдено в системе BPMSoft. Проверьте корректность запроса";

	/** Integration note; {0} is the first unknown email as sent, trimmed. */
	public static final String CONTACT_NOT_FOUND = "Контакт с email {0} не найден в системе. Проверьте корректность запроса";

	/** Any unexpected failure (integration note). */
	public static final String INTERNAL_ERROR = "Ошибка в процессе обработки";

	static final String NOT_IN_PROGRESS = "Решение согласующего с email {1} не принято: согласование с Id {0} не находится в процессе согласования (статус «{2}»)";

	static final String NOT_AN_APPROVER = "Контакт с email {1} не является согласующим в текущей цепочке согласования с Id {0}";

	static final String NOT_THEIR_TURN = "Решение согласующего с email {1} не принято: по согласованию с Id {0} сейчас ожидается решение согласующего с email {2}";

	static final String ALREADY_DECIDED = "Согласующий с email {1} уже вынес решение «{2}» по согласованию с Id {0}";

	static final String BODY_NOT_JSON = "Тело запроса не является корректным JSON: {0} (строка {1}, столбец {2})";

	static final String BODY_OVER_JSON_LIMITS = "Тело запроса не является корректным JSON: превышен предел вложенности или длины значения (строка {0}, столбец {1})";

	static final String BODY_NOT_OBJECT = "Тело запроса должно быть JSON-объектом, а не {0} (строка {1}, столбец {2})";

	static final String BODY_NOT_DECODABLE = "Тело запроса не является корректным текстом в кодировке {0} (байт {1})";

	static final String METHOD_NOT_ALLOWED = "Метод HTTP {0} не поддерживается: ElmaService принимает только POST";

	static final String PAYLOAD_TOO_LARGE = "Тело запроса больше допустимых {0} байт";

	static final String UNSUPPORTED_MEDIA_TYPE = "Тип содержимого «{0}» не поддерживается: ElmaService принимает application/json";

	static final String UNSUPPORTED_CHARSET = "Кодировка «{0}» не поддерживается: укажите известную кодировку, например UTF-8";

	static final String UNKNOWN_OPERATION = "Операция {0} не найдена в ElmaService.svc";

	static final String OPERATION_WITH_TRAILING_SLASH = "Операция {0} не найдена в ElmaService.svc: уберите косую черту в конце адреса (ElmaService.svc/{1})";

	static final String OPERATION_MISSING = "Операция не указана: ElmaService.svc принимает CreateChainOfApproval и ChangeApproverResolution";

	static final String MALFORMED_REQUEST = "Некорректный HTTP-запрос: веб-сервер не смог разобрать его адрес, заголовки или тело";

	static final String REQUEST_NOT_RECEIVED = "Запрос не получен полностью: клиент перестал передавать его до конца";

	static final String REFUSED_BY_WEB_SERVER = "Веб-сервер отклонил запрос (HTTP {0})";

	private ElmaMessages() {
	}

	/**
	 * A message with its placeholders filled in; quotes in the text are kept as they are.
	 */
	public static String format(String message, Object... arguments) {
		return new MessageFormat(message.replace("'", "''")).format(arguments);
	}

	static String ruleViolation(ApprovalRuleViolation violation, String approvalId, String email) {
		return switch (violation.getRule()) {
			case NOT_IN_PROGRESS -> format(NOT_IN_PROGRESS, approvalId, email, name(violation.getApprovalStatus()));
			case NOT_AN_APPROVER -> format(NOT_AN_APPROVER, approvalId, email);
			case NOT_THEIR_TURN -> format(NOT_THEIR_TURN, approvalId, email, violation.getAwaitedApproverEmail());
			case ALREADY_DECIDED -> format(ALREADY_DECIDED, approvalId, email, name(violation.getEarlierResolution()));
		};
	}

	private static String name(ApprovalStatus status) {
		return switch (status) {
			case NEW -> "Новое";
			case IN_PROGRESS -> "На согласовании";
			case APPROVED -> "Согласовано";
			case REJECTED -> "Отклонено";
		};
	}

	private static String name(Resolution resolution) {
		return (resolution == Resolution.APPROVED) ? "Согласовано" : "Отклонено";
	}

}
